using CitySpiritAwards.Domain.Categories;
using CitySpiritAwards.Testing;

namespace CitySpiritAwards.Bench.Scale;

/// <summary>A committee member: their email, sign-in cookie and the award whose panel they sit on.</summary>
public sealed record Member(string Email, string Cookie, string CategoryId);

/// <summary>
/// The campaign's staff, made the way the site makes them: accounts registered and confirmed through the pages
/// (<see cref="Residents"/>), roles given by the administrator through <c>PUT /api/admin/accounts/{email}/roles/{role}</c>,
/// then signed in again (a new role applies at the next sign-in).
/// </summary>
public sealed record Staff(string ModeratorCookie, string ChairCookie, IReadOnlyList<Member> Members)
{
    private const string Prefix = "scale-staff";

    public static async Task<Staff> CreateAsync(SiteProcess site, Api admin, int membersPerAward)
    {
        var count = 2 + CategoryIds.All.Count * membersPerAward;
        await Residents.CreateAsync(site, count, parallelism: 4, Prefix);
        string Email(int i) => Residents.Email(i, Prefix);
        async Task<string> GiveAsync(int i, string role)
        {
            await admin.PutAsync($"/api/admin/accounts/{Uri.EscapeDataString(Email(i))}/roles/{role}");
            return await Residents.SignInAsync(site, Email(i), Residents.Password);
        }

        var moderator = await GiveAsync(0, "Moderator");
        var chair = await GiveAsync(1, "CommitteeChair");
        var members = new List<Member>();
        for (var i = 2; i < count; i++)
            members.Add(new Member(Email(i), await GiveAsync(i, "CommitteeMember"), CategoryIds.All[(i - 2) % CategoryIds.All.Count]));
        return new Staff(moderator, chair, members);
    }
}
