using DxPilot.Domain.Accounts;
using DxPilot.Domain.Assessments;
using DxPilot.Domain.Catalogue;
using DxPilot.Domain.Enterprises;
using DxPilot.Domain.Instruments;
using DxPilot.Infrastructure.Assessments;
using DxPilot.Infrastructure.Persistence;
using DxPilot.Infrastructure.Programmes;
using DxPilot.Web.Features.Assessments;
using DxPilot.Web.Features.Enterprises;
using DxPilot.Web.Features.Platform;
using Microsoft.EntityFrameworkCore;

namespace DxPilot.Web.Features.Catalogue;

/// <summary>The priced plan of an assessment as shown: who it is for, the level it starts from, the target, and the plan itself.
/// <see cref="Providers"/> holds the chosen products' providers' pool facts (统一社会信用代码 as admitted) for the filing draft.</summary>
public sealed record PricedPlanView(Assessment Assessment, Enterprise Enterprise, Instrument Instrument, int CurrentLevel, PricedPlan Plan,
    IReadOnlyList<Guid> Pinned, IReadOnlyDictionary<Guid, string> ProviderUscc, IReadOnlyDictionary<Guid, string> PriceText)
{
    /// <summary>The pins after choosing <paramref name="productId"/> for <paramref name="scenario"/>: it replaces the pinned products
    /// that served that scenario, the other pins stay.</summary>
    public IReadOnlyList<Guid> PinsWith(PlannedScenario scenario, Guid productId) =>
        Pinned.Where(id => scenario.Chosen.All(c => c.ProductId != id)).Append(productId).ToList();

    /// <summary>This plan as saved (or as it fills a filing draft): the snapshot <see cref="SavedPlan"/> keeps.</summary>
    public SavedPlan Snapshot(Actor author, string title, DateTime now) =>
        SavedPlan.Snapshot(author, Enterprise.Id, Assessment.Id, Assessment.AssessedOn, Assessment.Stage == AssessmentStage.SelfTest, CurrentLevel, Plan,
            Pinned, id => ProviderUscc.GetValueOrDefault(id, ""), id => PriceText[id], title, now);

    /// <summary>据此发起备案 from the live plan: the draft it fills is the one its snapshot would fill once saved.</summary>
    public IReadOnlyDictionary<string, string?> FilingAnswers(Actor actor) => PricedPlanFiling.Answers(Snapshot(actor, "", default));
}

/// <summary>
/// 采购方案与费用: from an assessment's gap plan to the cheapest approved products of admitted providers that raise its scenarios
/// (<see cref="PricedPlanner"/>), with the enterprise's own choices (pins) kept. Pages and the API both come here.
/// </summary>
public sealed class PricedPlanService(DxPilotDbContext db, AssessmentService assessments, EnterpriseService enterprises, InstrumentCatalog instruments,
    ProgrammeCatalog programmes, ScenarioTreeSeeding tree)
{
    public async Task<Outcome<PricedPlanView>> ForAssessmentAsync(Actor actor, Guid assessmentId, int? target, IReadOnlyCollection<Guid> pins,
        CancellationToken ct = default)
    {
        if (await assessments.GetAsync(actor, assessmentId, ct) is not { } assessment) return Outcome<PricedPlanView>.NotFound();
        var enterprise = await enterprises.GetAsync(actor, assessment.EnterpriseId, ct);
        if (!NeedPolicy.Reads(actor, enterprise is not null)) return Outcome<PricedPlanView>.NotFound();
        var report = AssessmentReport.For(assessment, instruments);
        if (report.Instrument is not { } instrument || report.Live is not { } live)
            return Outcome<PricedPlanView>.Conflict(report.GapUnavailable ?? "无法分析该评测的差距");
        if (instrument.Scenarios.Count == 0)
            return Outcome<PricedPlanView>.Conflict($"采购方案按工信部《中小企业数字化水平评测指标》的应用场景编制，本评测所用的“{instrument.Name}”不含应用场景");
        var level = target ?? AssessmentReport.DefaultTarget(assessment);
        if (PricedPlanner.Validate(live.Level, level) is { } why)
            return Outcome<PricedPlanView>.Invalid(new Dictionary<string, string> { ["target"] = why });

        var gap = GapPlanner.Plan(live, level);
        await tree.EnsureAsync(enterprise!.ProgrammeId, ct);
        var level3 = await db.CatalogueScenarios.AsNoTracking()
            .Where(s => s.ProgrammeId == enterprise.ProgrammeId && s.Level == 3 && s.RetiredAt == null)
            .Select(s => new { s.Code, s.Name, s.MiitScenarios }).ToListAsync(ct);
        var raised = gap.Changes.Where(c => c.Kind == GapChangeKind.Scenario).Select(c => c.Item).ToHashSet(StringComparer.Ordinal);
        var serving = level3.Where(s => Bars.Split(s.MiitScenarios).Any(raised.Contains)).Select(s => s.Code).ToList();
        var offered = await OffersAsync(enterprise.ProgrammeId, enterprise.IndustryKey, serving, ct);
        var offers = offered.Select(x => new CatalogueOffer(x.Id, x.Name, x.ProviderName, x.ProviderId, x.PriceLowWan, x.PriceHighWan, x.TaxIncluded,
            x.SpendCategory, Bars.Split(x.Scenarios))).ToList();
        var pinned = pins.ToHashSet();
        var plan = PricedPlanner.Plan(gap, level3.ToDictionary(s => s.Code, s => Bars.Split(s.MiitScenarios)), level3.ToDictionary(s => s.Code, s => s.Name),
            offers, programmes.Get(enterprise.ProgrammeId).Money, enterprise.ExcludedFromCentralFunds, pinned);
        var kept = plan.Products.Select(p => p.Offer.ProductId).Where(pinned.Contains).ToList();
        var uscc = offered.DistinctBy(x => x.ProviderId).ToDictionary(x => x.ProviderId, x => x.Uscc);
        return Outcome<PricedPlanView>.Ok(new PricedPlanView(assessment, enterprise, instrument, live.Level, plan, kept, uscc,
            offered.ToDictionary(x => x.Id, x => CatalogueProduct.PriceTextOf(x.PriceLowWan, x.PriceHighWan, x.TaxIncluded))));
    }

    /// <summary>Only what the plan weighs: the shown products serving one of the <paramref name="serving"/> level-3 scenarios (those
    /// raising a scenario of the gap; the planner passes over the others, pinned or not) that fit the industry ("||" fits every
    /// industry), as the columns it reads, with the provider's name and 统一社会信用代码 as admitted to the pool.</summary>
    public async Task<List<PlanOfferRow>> OffersAsync(string programmeId, string industryKey, IReadOnlyCollection<string> serving, CancellationToken ct = default)
    {
        if (serving.Count == 0) return [];
        var industry = $"|{industryKey}|";
        return await (from p in ShownProducts.In(db, programmeId).Where(MatchService.ServesAny(serving))
                      where p.Industries == "||" || p.Industries.Contains(industry)
                      join m in db.PoolMembers on new { p.ProgrammeId, p.ProviderId } equals new { m.ProgrammeId, ProviderId = m.OrganisationId }
                      select new PlanOfferRow(p.Id, p.Name, p.ProviderId, m.OrganisationName, m.Uscc, p.PriceLowWan, p.PriceHighWan, p.TaxIncluded,
                          p.SpendCategory, p.Scenarios))
            .AsNoTracking().ToListAsync(ct);
    }
}

/// <summary>A shown product as the priced plan reads it (<see cref="PricedPlanService.OffersAsync"/>); scenarios as stored, "|2.3.1|2.4.1|".</summary>
public sealed record PlanOfferRow(Guid Id, string Name, Guid ProviderId, string ProviderName, string Uscc, decimal PriceLowWan, decimal PriceHighWan,
    bool TaxIncluded, string SpendCategory, string Scenarios);
