using DxPilot.Domain.Accounts;
using DxPilot.Infrastructure.Documents;

namespace DxPilot.Web.Features.Diagnoses;

/// <summary>
/// 附件2 长春市中小企业数字化转型城市试点咨询诊断服务协议, word for word, with the parties filled in from the enterprise file and the
/// provider's record (names, credit codes, addresses, contacts), ready to print, sign and stamp. The term, deliverable, filing
/// with the city bureau, confidentiality and the free-of-charge clause are the seed's own text; the 30 days come from the
/// programme's rules.
/// </summary>
public static class AgreementDocument
{
    public const string Title = "长春市中小企业数字化转型城市试点咨询诊断服务协议";

    public static string FileName(DiagnosisView v) => $"咨询诊断服务协议（{v.Enterprise.Name}）.docx";

    /// <param name="reader">Who downloads it: the enterprise's phone is personal data, masked for roles that do not need it (DOMAIN §8).</param>
    public static void Write(Stream output, DiagnosisView v, Actor reader)
    {
        var (e, p, days) = (v.Enterprise, v.Provider, v.Rules.AgreementTermDays);
        using var doc = DocxWriter.Create(output, $"{Title}（{e.Name}）");
        doc.Title(Title);
        doc.Fields(
        [
            ("甲方（试点企业）", e.Name), ("统一社会信用代码", e.Uscc ?? "（待补充）"),
            ("住所", e.RegisteredAddress ?? "（待补充）"), ("联系人及电话", Contact(e.ContactName, reader.ShownPhone(e.ContactPhone))),
            ("乙方（数字化转型服务商）", p.Name), ("统一社会信用代码", p.Uscc ?? "（待补充）"),
        ]);
        doc.Paragraph("甲乙双方在平等、自愿、诚实信用的基础上，就数字化转型咨询诊断服务达成一致，签订本协议。");

        doc.Heading("第一条 约定内容", 2);
        doc.Paragraph("""
            1.乙方为甲方开展免费的数字化转型咨询诊断服务，主要服务内容包括：
            （1）组建具备数字化转型相关领域专业知识和技能、深刻理解数字化转型的核心概念、具有相关咨询诊断经验的服务团队，为企业提供数字化转型咨询诊断服务；
            （2）开展现场诊断服务，根据工信部发布的《中小企业数字化水平评测指标》最新版等文件要求，对试点企业的研、产、供、销、服等业务环节进行咨询诊断，并确定企业数字化水平等级，指出企业在数字化转型过程中面临的生产经营痛点及短板等，提出企业数字化转型方案建议；
            （3）出具咨询诊断报告，内容包括但不限于：包括诊断工作情况、企业基本情况、企业数字化水平分析、企业数字化转型方案建议、数字化产品和服务推荐、现场诊断过程材料等。
            """);
        doc.Paragraph($"2.服务期限：{days}天，自协议签订之日起计算。");
        doc.Paragraph("3.成果交付形式：书面咨询诊断报告。");

        doc.Heading("第二条 双方权利义务", 2);
        doc.Paragraph("""
            1.甲方应积极配合乙方为开展咨询诊断服务工作提供必要的资料和协助。
            2.咨询诊断服务完成后，甲方对乙方进行满意度评价。
            3.乙方根据本协议的约定，以及市工业和信息化局对当年度中小企业数字化转型咨询诊断工作要求，保质保量地完成咨询诊断服务并交付成果。
            4.乙方应保证其提供的咨询诊断服务不违反相关法律、行政法规的规定。
            5.双方应共同在市工业和信息化局对服务协议进行备案。
            """);

        doc.Heading("第三条 保密义务", 2);
        doc.Paragraph("""
            1.“保密信息”是指一方（“披露”在履行本协议期间以书面形式向另一方（“接收方”）披露的不为公众所知悉的与另一方有关的技术秘密和商业秘密（统称“保密信息”），包括但不限于：
            （1）本协议的签订、履行和内容；
            （2）本项目资料、计划、数据、技术、流程、设计、发明、公式、产品、软件、程序、代码等技术秘密；
            （3）客户或潜在客户、供应商或潜在供应商的信息、财务、管理、运营、风控等商业秘密；披露方披露保密信息时应书面形式提供，并标识“保密”字样。
            2.任何一方均不得将保密信息用于履行其在本协议目的以外的任何用途。未经对方书面同意，任何一方均不得向任何第三方披露，否则，应赔偿因此给对方造成的损失。
            3.保密期限自保密信息披露之日起至本协议终止后五年止。
            """);

        doc.Heading("第四条 通知和送达", 2);
        doc.Paragraph("本协议项下双方所有往来通知均应采取书面形式作出，并通过专人递送、快递、传真或电子邮件的形式送达。");
        doc.Heading("第五条 协议变更或解除", 2);
        doc.Paragraph("在协议执行期内，甲乙双方均不得随意变更协议。如一方需要变更协议，需和对方协商,并就变更事项签署书面文件。若双方就变更事项不能达成一致意见，双方应按本协议约定继续履行，否则视为违约。");
        doc.Heading("第六条 不可抗力", 2);
        doc.Paragraph("出现不可抗力事件时，知情方应及时、充分地向对方以书面形式发通知，并告知对方该类事件对本协议可能产生的影响，并应当在合理期限内提供相关证明。");
        doc.Heading("第七条 适用法律及争议解决", 2);
        doc.Paragraph("本协议的有效性、解释、执行及争议解决等均适用中华人民共和国的法律和法规。有关本协议的任何争议，双方可向乙方所在地的人民法院起诉。");
        doc.Heading("第八条 其他", 2);
        doc.Paragraph("""
            1.双方均在此声明，各方拥有足够的资质和能力签署和履行本协议。
            2.本次咨询诊断服务不向企业收取任何费用。
            3.本协议自双方加盖公章或合同章之日起生效，一式二份，双方各持一份均具有同等法律效力。
            （以下无正文）
            """);
        doc.Parties(($"甲方单位全称：{e.Name}", "（盖章）"), ($"乙方单位全称：{p.Name}", "（盖章）"));
    }

    private static string Contact(string? name, string? phone) =>
        string.Join(" ", new[] { name, phone }.Where(s => !string.IsNullOrWhiteSpace(s))) is { Length: > 0 } s ? s : "（待补充）";
}
