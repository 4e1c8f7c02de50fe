// The contract form: each line's 总价 and the 合计 recomputed as one types, and the total in Chinese capitals from
// /api/amounts/capital (debounced). Without script the page shows the amounts as last saved; the server computes them anyway.
(() => {
    const form = document.getElementById("contract-form");
    if (!form) return;
    const total = form.querySelector("#contract-total .total");
    const capital = form.querySelector("#contract-total .capital");
    const fen = text => {
        const v = (text || "").replace(/,/g, "").trim();
        return /^\d+(\.\d{1,2})?$/.test(v) ? Math.round(parseFloat(v) * 100) : null;
    };
    const yuan = f => (f / 100).toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    let timer, asked = 0;
    const recompute = () => {
        let sum = 0;
        for (const row of form.querySelectorAll("#contract-lines tbody tr")) {
            const price = fen(row.querySelector(".price")?.value);
            const quantity = fen(row.querySelector(".quantity")?.value);
            const cell = row.querySelector(".amount");
            // 总价 = 单价 × 订购量, rounded half up to the fen.
            const amount = price === null || quantity === null ? null : Math.round(price * quantity / 100);
            cell.textContent = amount === null ? "" : yuan(amount);
            sum += amount ?? 0;
        }
        total.textContent = yuan(sum);
        clearTimeout(timer);
        timer = setTimeout(async () => {
            const ask = ++asked;
            try {
                const r = await fetch(`/api/amounts/capital?yuan=${(sum / 100).toFixed(2)}`, { headers: { Accept: "application/json" } });
                if (ask !== asked) return;
                capital.textContent = r.ok ? (await r.json()).capital : "";
            } catch {
                if (ask === asked) capital.textContent = "";
            }
        }, 300);
    };
    form.addEventListener("input", e => { if (e.target.matches(".price, .quantity")) recompute(); });
    // Once on opening as well: a kept copy put back by form-copy.js fills the lines before this deferred script listens.
    if (form.querySelector("[data-copy-row] .price")) recompute();
})();
