using System.Globalization;
using DxPilot.Domain.Filings.Contracts;
using DxPilot.Domain.Text;
using DxPilot.Infrastructure.Documents;

namespace DxPilot.Web.Features.Filings.Contracts;

/// <summary>
/// 杭州市中小企业数字化改造服务合同 (.docx) in seed 003 附件2's layout and wording: the parties' blocks filled (甲方 from the
/// enterprise's file), 1.1 数字化产品/服务清单 as a table with its total in capitals and figures, 1.2.1 the period, 2.1 the total,
/// 2.2.1 both payments, the template's other clauses word for word (<see cref="ContractClauses"/>) and the signature block.
/// </summary>
public static class ContractDocument
{
    /// <summary>杭州市中小企业数字化改造服务合同 in seed 003; another programme's contract names its own city.</summary>
    public static string Title(string city) => $"{city}中小企业数字化改造服务合同";

    public static string FileName(ServiceContract c) => $"服务合同-{c.Number}-{c.ProviderName}.docx";

    public static void Write(Stream output, ContractView view)
    {
        var c = view.Contract!;
        var e = view.Enterprise;
        var title = Title(view.City);
        using var doc = DocxWriter.Create(output, title);
        doc.Title(title);
        Party(doc, "甲方（盖章）", e.Name, c.Number, e.Uscc, e.RegisteredAddress, e.ContactName, view.EnterprisePhone, c.EnterpriseBankAccount, c.EnterpriseBank);
        Party(doc, "乙方（盖章）", c.ProviderName, c.Number, c.ProviderUscc, c.ProviderAddress, c.ProviderContact, view.ProviderPhone, c.ProviderBankAccount, c.ProviderBank);
        doc.Paragraph($"本协议由下列双方：{e.Name}（以下称甲方）与{c.ProviderName}（以下称乙方）在中国{view.City.TrimEnd('市')}签署。");

        doc.Heading("一、服务要求");
        doc.Heading("1.1 服务内容说明", 2);
        doc.Paragraph("本合同下的数字化改造服务为数字化产品/服务清单上所列内容，任何不在附件所列的功能开发皆为额外功能升级，不适用于本合同内的时间、费用、输出质量等条款限制。");
        doc.Centred("数字化产品/服务清单", DocxSize.Wu);
        var table = doc.Table(DocxSize.XiaoWu, [500, 1600, 1000, 1500, 800, 1300, 700, DocxWriter.TextWidth - 7400], cellMargin: 50);
        table.Header("序号", "产品/服务名称", "产品/服务代码", "产品/服务提供单位", "服务期限", "单价（含税，元）", "订购量", "总价（含税，元）");
        for (var i = 0; i < c.Lines.Count; i++)
        {
            var l = c.Lines[i];
            table.Row(new DocxCell((i + 1).ToString(CultureInfo.InvariantCulture), Centre: true), l.Name, l.Code ?? "", l.Provider ?? "", l.Term ?? "",
                Yuan(l.UnitPriceYuan), l.Quantity.ToString("0.##", CultureInfo.InvariantCulture), Yuan(l.AmountYuan));
        }
        table.Row(new DocxCell($"总计（大写）：{CapitalAmount.Rmb(c.TotalYuan)}； RMB（小写）{Yuan(c.TotalYuan)}元。", Span: 8));

        doc.Heading("1.2 技术支持与服务", 2);
        doc.Paragraph($"1.2.1 项目实施时间为 {c.PeriodStart.Year} 年 {c.PeriodStart.Month} 月至 {c.PeriodEnd.Year} 年 {c.PeriodEnd.Month} 月，具体交付时间以项目计划及实际情况为准。"
                      + "乙方自甲方签署终验验收确认书之日起，为甲方免费提供为期 12 个月的技术支持和服务。");
        Blocks(doc, ContractClauses.Support);

        doc.Heading("二、服务费用及支付方式");
        doc.Heading("2.1 服务费用说明", 2);
        doc.Paragraph($"本次采购中小企业数字化转型城市试点数字化产品和服务，总金额为{Yuan(c.TotalYuan)}元（大写：{CapitalAmount.Rmb(c.TotalYuan)}）。");
        doc.Paragraph("（本合同金额除特殊声明外，均指含税金额。）");
        doc.Heading("2.2 支付方式", 2);
        doc.Heading($"2.2.1 {title}费用共分二期支付：", 2);
        doc.Paragraph($"第一期：本合同正式签订后，甲方应在收到乙方提供的对应金额的增值税专用发票后5个工作日内向乙方指定账户支付{c.FirstPaymentPercent}%的合同含税总金额，"
                      + $"即¥{Yuan(c.FirstPaymentYuan)}元（大写：{CapitalAmount.Rmb(c.FirstPaymentYuan)}）。");
        doc.Paragraph($"第二期：本项目验收合格，并由双方签署项目验收确认书后，甲方应在收到乙方提供的对应金额的增值税专用发票后5个工作日内向乙方指定账户支付{100 - c.FirstPaymentPercent}%的合同含税总金额，"
                      + $"即¥{Yuan(c.SecondPaymentYuan)}元（大写：{CapitalAmount.Rmb(c.SecondPaymentYuan)}）。");
        Blocks(doc, ContractClauses.Terms);

        doc.Parties(($"甲方：{e.Name}", "授权代表："), ($"乙方：{c.ProviderName}", "授权代表："));
    }

    private static void Party(DocxWriter doc, string label, string name, string number, string? uscc, string? address, string? contact, string? phone,
        string? account, string? bank) =>
        doc.Fields([
            (label, name), ("协议号", number), ("统一社会信用代码", uscc ?? ""), ("法定地址", address ?? ""),
            ("联系人", contact ?? ""), ("联系电话", phone ?? ""), ("银行账号", account ?? ""), ("开户银行", bank ?? ""),
        ]);

    private static void Blocks(DocxWriter doc, IEnumerable<(ContractBlock Kind, string Text)> blocks)
    {
        foreach (var (kind, text) in blocks)
        {
            if (kind == ContractBlock.Heading) doc.Heading(text);
            else if (kind == ContractBlock.Subheading) doc.Heading(text, 2);
            else doc.Paragraph(text);
        }
    }

    private static string Yuan(decimal amount) => ContractRules.Yuan(amount);
}
