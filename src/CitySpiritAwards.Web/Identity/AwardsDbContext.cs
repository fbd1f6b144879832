using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace CitySpiritAwards.Web.Identity;

/// <summary>Accounts, roles and the data protection key ring (SQLite file in embedded mode, PostgreSQL in cluster mode).</summary>
public sealed class AwardsDbContext(DbContextOptions<AwardsDbContext> options) : IdentityDbContext<AwardsUser>(options)
{
    public DbSet<DataProtectionKeyRow> DataProtectionKeys => Set<DataProtectionKeyRow>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<AwardsUser>(user =>
        {
            user.Property(u => u.DisplayName).HasMaxLength(AwardsUser.DisplayNameMaxLength).IsRequired();
            user.Property(u => u.CreatedAt);
        });
        builder.Entity<DataProtectionKeyRow>(key =>
        {
            key.ToTable("DataProtectionKeys");
            key.HasKey(k => k.Id);
            key.Property(k => k.FriendlyName).HasMaxLength(200);
            key.Property(k => k.Xml).IsRequired();
        });
    }
}

/// <summary>One key of the ASP.NET Core data protection key ring, shared by all silos in cluster mode.</summary>
public sealed class DataProtectionKeyRow
{
    public int Id { get; set; }
    public string? FriendlyName { get; set; }
    public string Xml { get; set; } = "";
}
