using DxPilot.Domain.Supervision;
using Microsoft.EntityFrameworkCore;

namespace DxPilot.Infrastructure.Persistence;

/// <summary>The think tank's supervision (migrations 0021, 0024): its comments on any subject with the replies to a 需整改 and its
/// closing, its ratings and their scores.</summary>
internal static class SupervisionModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<SupervisionComment>(c =>
        {
            c.ToTable("SupervisionComments");
            c.HasKey(x => x.Id);
            c.Property(x => x.ProgrammeId).HasMaxLength(64).IsRequired();
            c.Property(x => x.SubjectType).HasMaxLength(32).IsRequired();
            c.Property(x => x.District).HasMaxLength(64).IsRequired();
            // 2,000 characters as a person counts them; an emoji is two UTF-16 units.
            c.Property(x => x.Text).HasMaxLength(4000).IsRequired();
            c.Property(x => x.AuthorUserId).HasMaxLength(64).IsRequired();
            c.Property(x => x.AuthorName).HasMaxLength(100).IsRequired();
            c.Property(x => x.AuthorOrganisation).HasMaxLength(200);
            c.Property(x => x.Version).IsConcurrencyToken();
            c.Property(x => x.ClosedBy).HasMaxLength(100);
            c.Property(x => x.ClosingNote).HasMaxLength(1000);
            c.Ignore(x => x.IsWithdrawn);
            c.Ignore(x => x.IsClosed);
            c.Ignore(x => x.AwaitsRectification);
            // A subject's comments, newest first; a provider's page the comments on its work.
            c.HasIndex(x => new { x.SubjectType, x.SubjectId, x.CreatedAt });
            c.HasIndex(x => new { x.ProviderId, x.CreatedAt });
            // An enterprise's open 需整改 comments, for its to-do list.
            c.HasIndex(x => x.EnterpriseId);
        });

        b.Entity<SupervisionReply>(r =>
        {
            r.ToTable("SupervisionReplies");
            r.HasKey(x => x.Id);
            r.Property(x => x.ProgrammeId).HasMaxLength(64).IsRequired();
            r.Property(x => x.Text).HasMaxLength(4000).IsRequired();
            r.Property(x => x.AuthorUserId).HasMaxLength(64).IsRequired();
            r.Property(x => x.AuthorName).HasMaxLength(100).IsRequired();
            r.Property(x => x.AuthorOrganisation).HasMaxLength(200);
            r.HasOne<SupervisionComment>().WithMany().HasForeignKey(x => x.CommentId).OnDelete(DeleteBehavior.Cascade);
            r.HasIndex(x => new { x.CommentId, x.CreatedAt });
        });

        b.Entity<SupervisionRating>(r =>
        {
            r.ToTable("SupervisionRatings");
            r.HasKey(x => x.Id);
            r.Property(x => x.ProgrammeId).HasMaxLength(64).IsRequired();
            r.Property(x => x.RaterUserId).HasMaxLength(64).IsRequired();
            r.Property(x => x.RaterName).HasMaxLength(100).IsRequired();
            r.Property(x => x.RaterOrganisation).HasMaxLength(200);
            r.Property(x => x.Remark).HasMaxLength(1000);
            r.Property(x => x.Version).IsConcurrencyToken();
            r.HasMany(x => x.Scores).WithOne().HasForeignKey(x => x.RatingId).OnDelete(DeleteBehavior.Cascade);
            // One current rating per rater and subject: rating twice at once lets one through.
            r.HasIndex(x => new { x.SubjectKind, x.SubjectId, x.RaterUserId }).IsUnique();
            // The league table's averages per provider of a programme.
            r.HasIndex(x => new { x.ProgrammeId, x.SubjectKind, x.SubjectId });
        });

        b.Entity<RatingScore>(s =>
        {
            s.ToTable("SupervisionRatingScores");
            s.HasKey(x => x.Id);
            // New scores arrive through the rating's collection: a key set by the domain must read as a new row.
            s.Property(x => x.Id).ValueGeneratedNever();
            s.Property(x => x.Criterion).HasMaxLength(64).IsRequired();
            s.Property(x => x.CriterionName).HasMaxLength(100).IsRequired();
            s.Property(x => x.Scale).HasMaxLength(16).IsRequired();
            s.HasIndex(x => new { x.RatingId, x.Criterion }).IsUnique();
        });
    }
}
