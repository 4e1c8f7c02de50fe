using DxPilot.Domain.Workflow;

namespace DxPilot.Domain.Catalogue;

public enum ProductTrigger
{
    /// <summary>提交审核</summary>
    Submit = 1,
    /// <summary>审核通过（上架）</summary>
    Approve = 2,
    /// <summary>退回修改, with the reason.</summary>
    Return = 3,
    /// <summary>下架 by the provider.</summary>
    Withdraw = 4,
    /// <summary>下架 by the city, with the reason.</summary>
    TakeDown = 5,
}

/// <summary>What a product's guards see: whether its provider is admitted to the pool now, and what is wrong with it.</summary>
public sealed record ProductCase(CatalogueProduct Product, bool ProviderAdmitted, IReadOnlyList<string> Problems);

/// <summary>产品审核: the platform's own chain. The city reviews a product before anyone else sees it.</summary>
public static class ProductWorkflow
{
    /// <summary>Only a provider admitted to the pool submits (a suspended or removed one may not).</summary>
    public static readonly Guard<ProductCase> ProviderAdmitted = new("providerAdmitted", c =>
        c.Subject.ProviderAdmitted ? null : $"服务商未在资源池中（或已暂停），不能{c.Action}");

    /// <summary>Submission is refused naming what is wrong (a product written before a scenario was retired, say).</summary>
    public static readonly Guard<ProductCase> Complete = new("complete", c =>
        c.Subject.Problems.Count == 0 ? null : $"不能{c.Action}：{string.Join("；", c.Subject.Problems)}");

    public static readonly WorkflowProcess<ProductStatus, ProductTrigger, ProductCase> Process =
        new("产品审核", nameof(CatalogueProduct), ProviderAdmitted, Complete, Guard<ProductCase>.ReasonRequired);

    public static readonly WorkflowChain Declaration = new()
    {
        States =
        [
            new("draft", "草稿"),
            new("underReview", "待审核"),
            new("approved", "已上架"),
            new("returned", "退回修改"),
            new("withdrawn", "已下架"),
        ],
        Transitions =
        [
            new("submit", ["draft", "returned", "withdrawn"], "underReview", ["serviceProvider"], "提交审核", ["providerAdmitted", "complete"]),
            new("approve", ["underReview"], "approved", ["cityBureau"], "审核通过", ["providerAdmitted"]),
            new("return", ["underReview"], "returned", ["cityBureau"], "退回修改", ["reasonRequired"]),
            new("withdraw", ["underReview", "approved"], "withdrawn", ["serviceProvider"], "下架"),
            new("takeDown", ["approved"], "withdrawn", ["cityBureau"], "责令下架", ["reasonRequired"]),
        ],
    };

    public static readonly Workflow<ProductStatus, ProductTrigger, ProductCase> Chain = Process.Compile(Declaration);

    /// <summary>The provider changes a product only when nobody relies on it as shown: an approved one is taken down first.</summary>
    public static bool Editable(ProductStatus s) => s is ProductStatus.Draft or ProductStatus.Returned or ProductStatus.Withdrawn;
}
