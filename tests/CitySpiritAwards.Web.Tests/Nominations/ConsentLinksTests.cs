using CitySpiritAwards.Web.Nominations;
using Microsoft.AspNetCore.DataProtection;

namespace CitySpiritAwards.Web.Tests.Nominations;

public sealed class ConsentLinksTests
{
    private static readonly IDataProtectionProvider KeyRing = new EphemeralDataProtectionProvider();

    [Fact]
    public void A_link_names_the_nomination_and_the_round_of_asking_it_was_made_for()
    {
        var links = new ConsentLinks(KeyRing);

        var first = links.CreateToken("nomination-42", 0, DateTimeOffset.UtcNow);
        var afterAnEdit = links.CreateToken("nomination-42", 3, DateTimeOffset.UtcNow);

        Assert.Equal(new ConsentLink("nomination-42", 0), links.ReadToken(first));
        Assert.Equal(new ConsentLink("nomination-42", 3), links.ReadToken(afterAnEdit));
        Assert.DoesNotContain("nomination-42", first);
    }

    [Fact]
    public void An_altered_link_is_refused()
    {
        var links = new ConsentLinks(KeyRing);
        var token = links.CreateToken("nomination-42", 0, DateTimeOffset.UtcNow);
        var altered = token[..^2] + (token[^2] == 'A' ? "B" : "A") + token[^1];

        Assert.Null(links.ReadToken(altered));
        Assert.Null(links.ReadToken("not-a-token"));
    }

    [Fact]
    public void A_link_from_another_key_ring_is_refused()
    {
        var token = new ConsentLinks(new EphemeralDataProtectionProvider()).CreateToken("nomination-42", 0, DateTimeOffset.UtcNow);

        Assert.Null(new ConsentLinks(KeyRing).ReadToken(token));
    }

    [Fact]
    public void An_expired_link_is_refused()
    {
        var links = new ConsentLinks(KeyRing);
        var madeLongAgo = DateTimeOffset.UtcNow - ConsentLinks.Lifetime - TimeSpan.FromMinutes(1);

        Assert.Null(links.ReadToken(links.CreateToken("nomination-42", 0, madeLongAgo)));
    }
}
