using System.Globalization;
using DxPilot.Domain.Accounts;
using DxPilot.Domain.Catalogue;
using DxPilot.Infrastructure.Persistence;
using DxPilot.Infrastructure.Programmes;
using DxPilot.Infrastructure.Spreadsheets;
using DxPilot.Web.Features.Platform;
using Microsoft.EntityFrameworkCore;

namespace DxPilot.Web.Features.Catalogue;

/// <summary>What 附件1 does not say of a product and the provider states once for the whole file; and, for a common need without
/// 【行业】, the industry it belongs to.</summary>
public sealed record Annex1Defaults(string? SpendCategory, bool TaxIncluded, string? DeliveryDays, bool CloudBased, string? Industry);

public sealed record Annex1Problem(int Row, string Message);

/// <summary>What an import did, and each row it could not take with why (the row number as Excel shows it).</summary>
public sealed record Annex1Result(int ScenariosAdded, int CommonNeedsAdded, int ProductsSubmitted, IReadOnlyList<Annex1Problem> Problems,
    IReadOnlyList<string> Notes);

/// <summary>
/// 附件1 导入. The city imports tree additions and common needs: a level-2/3 row whose code is new creates the node under its parent
/// (<see cref="TreeService.AddAsync"/>, with the file's code when no node ever held it); an existing code with another name is
/// reported, never renamed; a common need already there is not added twice. An admitted provider imports its own products: each
/// product (rows of one name are one product serving their scenarios) becomes a draft and is submitted for the city's review
/// (<see cref="CatalogueProduct.Create"/>, then <see cref="ProductTrigger.Submit"/> through <see cref="ProductWorkflow"/>); a name the
/// provider already has is "已存在，未重复导入" (also when another import of it saved it first: the unique index on provider and name).
/// Each product or node is saved on its own, so that one bad row stops nothing else.
/// </summary>
public sealed class Annex1Import(DxPilotDbContext db, TreeService tree, ProgrammeCatalog programmes, TimeProvider clock, Saving saving)
{
    private sealed record Line(int Number, (string Code, string Name) One, (string Code, string Name) Two, (string Code, string Name) Three,
        bool First, string? Needs, string? Description, Annex1Sheet.Product? Product);

    public async Task<Outcome<Annex1Result>> ImportAsync(Actor actor, string fileName, byte[] content, Annex1Defaults defaults, CancellationToken ct)
    {
        var isCity = NeedPolicy.EditTree(actor) is null;
        PoolMember? membership = null;
        if (!isCity)
        {
            if (actor.Role != Role.ServiceProvider) return Outcome<Annex1Result>.Forbidden("附件1由市工信主管部门（场景和行业共性需求）或入池服务商（本单位产品）导入");
            membership = await db.PoolMembers.FirstOrDefaultAsync(m => m.ProgrammeId == actor.ProgrammeId && m.OrganisationId == actor.OrganisationId, ct);
            if (ProductPolicy.Create(actor, membership) is { } why) return Outcome<Annex1Result>.Forbidden(why);
        }
        if (!fileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
            return Invalid($"只能导入 .xlsx 格式的附件1表格（{Annex1Sheet.ExpectedHeaders}）");
        List<Line> lines;
        var problems = new List<Annex1Problem>();
        try
        {
            var sheet = SheetReader.Open(content, fileName, Annex1Sheet.IsHeader, headerHint: Annex1Sheet.ExpectedHeaders);
            var read = Read(sheet, problems);
            if (read is null) return Invalid($"表头不对：{Annex1Sheet.ExpectedHeaders}");
            lines = read;
        }
        catch (UnreadableSheetException ex)
        {
            return Invalid(ex.Message);
        }
        return isCity ? await TreeAsync(actor, lines, problems, defaults, ct) : await ProductsAsync(actor, membership!, lines, problems, defaults, ct);
    }

    /// <summary>The rows under the two header rows, each with its scenarios (a merged block's later rows take its first row's).</summary>
    private static List<Line>? Read(SheetTable sheet, List<Annex1Problem> problems)
    {
        var lines = new List<Line>();
        Line? block = null;
        var second = true;
        foreach (var row in sheet.Rows)
        {
            if (second)
            {
                second = false;
                if (!Annex1Sheet.IsProductHeader(row.Cells)) return null;
                continue;
            }
            // A row is as wide as the first header row (six cells, 适用产品及解决方案 one of them) or as far as it has text.
            string? Cell(int i) => i < row.Cells.Count && row.Cells[i]?.Trim() is { Length: > 0 } t ? t : null;
            var product = Cell(5) is { } name ? new Annex1Sheet.Product(name, Cell(6) ?? "", Cell(7) ?? "", Cell(8) ?? "") : null;
            if (Cell(0) is null && Cell(1) is null && Cell(2) is null)
            {
                if (block is null) { problems.Add(new(row.Number, "未填写一级、二级、三级场景")); continue; }
                lines.Add(block with { Number = row.Number, First = false, Product = product });
                continue;
            }
            var (one, two, three) = (Annex1Sheet.Scenario(Cell(0)), Annex1Sheet.Scenario(Cell(1)), Annex1Sheet.Scenario(Cell(2)));
            if (one is null || two is null || three is null || three.Value.Code.Count(c => c == '.') != 2)
            {
                problems.Add(new(row.Number, "一级、二级、三级场景应写为编号加名称，如“1.产品生命周期数字化”“1.1产品研发”“1.1.1产品功能性能仿真测试”"));
                block = null;
                continue;
            }
            if (ScenarioCodes.Parent(three.Value.Code) != two.Value.Code || ScenarioCodes.Parent(two.Value.Code) != one.Value.Code)
            {
                problems.Add(new(row.Number, $"场景编号不相符：三级场景“{three.Value.Code}”应在二级场景“{two.Value.Code}”下，二级场景应在一级场景“{one.Value.Code}”下"));
                block = null;
                continue;
            }
            block = new Line(row.Number, one.Value, two.Value, three.Value, true, Cell(3), Cell(4), product);
            lines.Add(block);
        }
        return second ? null : lines;
    }

    private async Task<Outcome<Annex1Result>> TreeAsync(Actor actor, List<Line> lines, List<Annex1Problem> problems, Annex1Defaults defaults, CancellationToken ct)
    {
        var programme = programmes.Get(actor.ProgrammeId);
        await tree.TreeAsync(actor, ct);
        var nodes = await db.CatalogueScenarios.AsNoTracking().Where(s => s.ProgrammeId == actor.ProgrammeId).ToDictionaryAsync(s => s.Code, s => s.Name, ct);
        var common = (await db.CommonNeeds.AsNoTracking().Where(c => c.ProgrammeId == actor.ProgrammeId).Select(c => new { c.ScenarioCode, c.IndustryKey, c.Text })
            .ToListAsync(ct)).Select(c => (c.ScenarioCode, c.IndustryKey, c.Text)).ToHashSet();
        var (added, needs, products) = (0, 0, 0);
        foreach (var line in lines)
        {
            if (line.Product is not null) products++;
            if (!line.First) continue;
            var ok = true;
            if (!nodes.TryGetValue(line.One.Code, out var oneName)) { problems.Add(new(line.Number, $"一级场景“{line.One.Code}”不是附件1的四类之一；一级场景不能增加")); continue; }
            if (oneName != line.One.Name) problems.Add(new(line.Number, Renamed(line.One.Code, oneName, line.One.Name)));
            foreach (var (code, name, description) in new[] { (line.Two.Code, line.Two.Name, (string?)null), (line.Three.Code, line.Three.Name, line.Description) })
            {
                if (nodes.TryGetValue(code, out var existing))
                {
                    if (existing != name) problems.Add(new(line.Number, Renamed(code, existing, name)));
                    continue;
                }
                var outcome = await tree.AddAsync(actor, ScenarioCodes.Parent(code), new ScenarioForm(name, description), ct, code);
                if (!outcome.IsOk)
                {
                    problems.Add(new(line.Number, $"未能新增场景“{code}{name}”：{string.Join("；", outcome.Errors.Values.DefaultIfEmpty(outcome.Message ?? ""))}"));
                    ok = false;
                    break;
                }
                nodes[code] = name;
                added++;
            }
            if (!ok) continue;
            foreach (var (industryName, text) in Annex1Sheet.Needs(line.Needs, defaults.Industry))
            {
                if (programme.FindIndustry(industryName) is not { } industry)
                {
                    problems.Add(new(line.Number, industryName is null
                        ? $"行业共性需求须以【细分行业】开头，如“【{programme.Industries[0].Name}】…”，或在导入时选择所属行业"
                        : $"“{industryName}”不是本试点的细分行业（{string.Join("、", programme.Industries.Select(i => i.Name))}）"));
                    continue;
                }
                if (!common.Add((line.Three.Code, industry.Key, text))) continue;
                var outcome = await tree.AddCommonNeedAsync(actor, line.Three.Code, industry.Key, text, ct);
                if (outcome.IsOk) needs++;
                else problems.Add(new(line.Number, $"行业共性需求未导入：{string.Join("；", outcome.Errors.Values.DefaultIfEmpty(outcome.Message ?? ""))}"));
            }
        }
        var notes = products > 0 ? new List<string> { $"表中{products}行产品未导入：产品及解决方案由入池服务商导入本单位的产品。" } : [];
        return Outcome<Annex1Result>.Ok(new Annex1Result(added, needs, 0, problems.OrderBy(p => p.Row).ToList(), notes));
    }

    private async Task<Outcome<Annex1Result>> ProductsAsync(Actor actor, PoolMember membership, List<Line> lines, List<Annex1Problem> problems,
        Annex1Defaults defaults, CancellationToken ct)
    {
        var programme = programmes.Get(actor.ProgrammeId);
        var categories = programme.Money.SpendCategories.Select(c => c.Key).ToHashSet();
        var errors = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(defaults.SpendCategory) || !categories.Contains(defaults.SpendCategory.Trim()))
            errors["spendCategory"] = $"请选择这些产品的支出类别（{string.Join("、", programme.Money.SpendCategories.Select(c => c.Name))}）";
        if (!int.TryParse(defaults.DeliveryDays?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var days) || days is < 1 or > ProductForm.MaxDeliveryDays)
            errors["deliveryDays"] = $"请填写这些产品的交付周期（1到{ProductForm.MaxDeliveryDays}天）";
        if (errors.Count > 0) return Outcome<Annex1Result>.Invalid(errors);

        var org = actor.OrganisationId!.Value;
        var own = await db.Organisations.Where(o => o.Id == org).Select(o => o.Name).SingleAsync(ct);
        var levelThree = await tree.LevelThreeAsync(actor.ProgrammeId, ct);
        var context = new ProductContext(levelThree.Active, levelThree.Retired, programme.Industries.Select(i => i.Key).ToHashSet(), categories);
        var existing = (await db.CatalogueProducts.Where(p => p.ProviderId == org && p.ProgrammeId == actor.ProgrammeId).Select(p => p.Name).ToListAsync(ct)).ToHashSet();

        // One product per name: its first row gives the summary and price, every row a scenario it serves.
        var products = new List<(int Row, Annex1Sheet.Product Product, List<string> Scenarios)>();
        foreach (var line in lines.Where(l => l.Product is not null))
        {
            var p = line.Product!;
            if (p.Provider.Length > 0 && p.Provider != own) { problems.Add(new(line.Number, $"服务商“{p.Provider}”不是本单位（{own}），只能导入本单位的产品")); continue; }
            var same = products.FindIndex(x => x.Product.Name == p.Name);
            if (same < 0) { products.Add((line.Number, p, [line.Three.Code])); continue; }
            if (products[same].Product.Summary != p.Summary || products[same].Product.Price != p.Price)
                problems.Add(new(line.Number, $"产品“{p.Name}”的简述或价格与第{products[same].Row}行不同；同名产品请写成一致"));
            else products[same].Scenarios.Add(line.Three.Code);
        }

        var submitted = 0;
        foreach (var (row, p, scenarios) in products)
        {
            if (existing.Contains(p.Name)) { problems.Add(new(row, $"产品“{p.Name}”已存在，未重复导入")); continue; }
            var (low, high) = Annex1Sheet.PriceParts(p.Price);
            var form = new ProductForm(p.Name, p.Summary, scenarios, [], low, high, defaults.TaxIncluded, defaults.DeliveryDays, defaults.CloudBased,
                defaults.SpendCategory!.Trim());
            var now = clock.GetUtcNow().UtcDateTime;
            var (product, refused) = CatalogueProduct.Create(actor.ProgrammeId, org, form, context, now);
            if (product is null) { problems.Add(new(row, $"产品“{p.Name}”未导入：{string.Join("；", refused.Values)}")); continue; }
            var submit = product.Apply(ProductTrigger.Submit, actor, null, new ProductCase(product, membership.IsAdmitted, []), now);
            if (!submit.Taken) { problems.Add(new(row, $"产品“{p.Name}”未提交审核：{submit.Refusal!.Message}")); continue; }
            db.CatalogueProducts.Add(product);
            db.StateTransitions.Add(submit.Record!);
            // The unique index on provider and name answers an import of the same sheet running at the same time.
            var saved = await saving.SaveAsync(product, "产品", () => true, ct,
                () => Task.FromResult(Outcome<bool>.Conflict($"产品“{product.Name}”已存在，未重复导入")));
            if (!saved.IsOk) { problems.Add(new(row, saved.Message!)); continue; }
            existing.Add(p.Name);
            submitted++;
        }
        var notes = lines.Any(l => l.First && l.Needs is not null) ? new List<string> { "场景和行业共性需求由市工信主管部门维护，本次只导入了本单位的产品。" } : [];
        return Outcome<Annex1Result>.Ok(new Annex1Result(0, 0, submitted, problems.OrderBy(x => x.Row).ToList(), notes));
    }

    private static string Renamed(string code, string existing, string typed) =>
        $"场景编号“{code}”在清单中为“{existing}”，表中为“{typed}”；导入不改名，如需改名请在场景清单页修改";

    private static Outcome<Annex1Result> Invalid(string message) => Outcome<Annex1Result>.Invalid(new Dictionary<string, string> { ["file"] = message });
}
