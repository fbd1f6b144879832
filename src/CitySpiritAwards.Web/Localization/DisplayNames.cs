using CitySpiritAwards.Domain.Nominations;
using CitySpiritAwards.Domain.Seeds;

namespace CitySpiritAwards.Web.Localization;

/// <summary>The names people read for the ids stored with a nomination (award, district, relationship), in the page's language.</summary>
public sealed class DisplayNames(SeedData seeds)
{
    public string Category(string id, string culture) =>
        seeds.Categories.FirstOrDefault(c => c.Id == id)?.Name.For(culture) ?? id;

    public string District(string id, string culture) =>
        seeds.Districts.FirstOrDefault(d => d.Id == id)?.Name.For(culture) ?? id;

    public string Relationship(string id, string culture) =>
        Relationships.All.Contains(id) ? Relationships.Label(id).For(culture) : id;
}
