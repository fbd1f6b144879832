using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CitySpiritAwards.BrowserTests;

/// <summary>
/// A whole campaign through the site's pages, in each language, each step as the person would take it (see
/// <see cref="Journey"/>): a resident on a phone registers, confirms by the emailed link and nominates two neighbours, one
/// with a photo; the nominees agree through their links; the moderator approves; the chair seats two committee members;
/// one member scores both entries, the other steps aside from one and scores the other; the chair finalises the shortlist
/// (first forgetting the tick that says it cannot be undone);
/// two residents vote and check their receipts; the second vote is held as suspicious until the administrator clears it;
/// the administrator publishes; a visitor reads the winner, the chart and the certificate, and the chart also without
/// JavaScript. The administrator starts each phase early on the campaign's page. Every page is checked with axe (no
/// serious or critical violation) and kept as a screenshot (.artifacts/screenshots/journey-{culture}-{NN}-{step}.png).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class FullJourneyTests(BrowserFixture browser)
{
    private const string Award = "wisdom";

    /// <summary>A neighbour as the resident describes them (clearly fictional), and the address their consent link goes to.</summary>
    private sealed record Neighbour(string Name, string District, string Story, string Email);

    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en")]
    public async Task A_campaign_goes_from_a_residents_nomination_to_published_winners_through_the_pages(string culture)
    {
        await using var journey = new Journey(browser, culture);
        var (lin, zhou) = Neighbours(culture);

        await journey.AdministratorAsync();
        var moderator = await journey.StaffAsync("moderator", "Moderator");
        var judges = (A: await journey.StaffAsync("member-a", "CommitteeMember"), B: await journey.StaffAsync("member-b", "CommitteeMember"));
        var chair = await journey.StaffAsync("chair", "CommitteeChair");
        await journey.CreateCampaignAsync();
        await journey.AdvanceAsync("Nominating");

        var resident = await NominateAsync(journey, lin, zhou);
        await ConsentAsync(journey, lin, zhou);
        await journey.AdvanceAsync("Screening");
        await ApproveAsync(journey, moderator, lin, zhou);
        await SeatPanelAsync(journey, chair, judges.A, judges.B);
        await journey.AdvanceAsync("CommitteeScoring");
        await ScoreAsync(journey, judges.A, judges.B, lin, zhou);
        await FinaliseAsync(journey, chair, lin);
        await journey.AdvanceAsync("PublicVoting");
        var secondVoter = await VoteAsync(journey, resident, lin, zhou);
        await journey.AdvanceAsync("Tallying");
        await ReviewAndPublishAsync(journey, secondVoter, lin);
        await ReadResultsAsync(journey, lin);
    }

    private static (Neighbour Lin, Neighbour Zhou) Neighbours(string culture) => culture == "zh-CN"
        ? (new("林阿姨（虚构）", "putuo", "林阿姨（虚构人物）在普陀区的弄堂里调解邻里纠纷十多年，讲道理、看证据、守承诺，还把调解经验写成小册子送给居委会，邻居们都信服她。", Nominee()),
           new("周师傅（虚构）", "hongkou", "周师傅（虚构人物）是退休工程师，每个周末在虹口的小区里办流动科学实验室，带孩子们用厨房里的材料做实验，把背后的道理讲得清清楚楚。", Nominee()))
        : (new("Auntie Lin (fictional)", "putuo", "Auntie Lin (a fictional neighbour) has settled quarrels in our Putuo lane for over ten years. She listens, weighs the facts and keeps her word, and wrote a booklet on fair mediation for the residents' committee.", Nominee()),
           new("Master Zhou (fictional)", "hongkou", "Master Zhou (a fictional neighbour), a retired engineer, runs a pop-up science lab in our Hongkou courtyard every weekend, doing experiments with kitchen materials and explaining the reasons behind them.", Nominee()));

    private static string Nominee() => $"nominee-{Guid.NewGuid():N}@example.org";

    private static string AwardName(Journey journey) => journey.Culture == "zh-CN" ? "开明睿智" : "Open-minded Wisdom";

    /// <summary>The resident, on a phone: registers, confirms by email, signs in and nominates two neighbours, the first with a photo.</summary>
    private static async Task<Person> NominateAsync(Journey journey, Neighbour lin, Neighbour zhou)
    {
        var text = journey.Text;
        var page = await journey.NewPageAsync(phone: true);
        var email = await journey.RegisterAsync(page, "resident", check: true);
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = text["Account.Login.Title"], Exact = true }).ClickAsync();
        await journey.SignInAsync(page, email, shownAs: "resident", check: true, step: "resident-sign-in");

        await page.GotoAsync($"/campaigns/{journey.CampaignId}/nominate");
        await Expect(page.Locator("main .lead")).ToHaveTextAsync(journey.CampaignName);
        await journey.CheckAsync(page, "nominate");
        await FillNominationAsync(journey, page, lin, photo: true);

        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync(text["MyNominations.Submitted"]);
        var card = Card(page, lin.Name);
        await Expect(card).ToContainTextAsync(text["NominationStatus.Submitted"]);
        await Expect(card).ToContainTextAsync(text["NomineeConsent.Pending"]);
        var thumbnail = card.Locator(".photo-strip img").First;
        await Expect(thumbnail).ToBeVisibleAsync();
        Assert.True(await thumbnail.EvaluateAsync<int>("img => img.complete ? img.naturalWidth : 0") > 0, "the photo's thumbnail should load");
        await journey.CheckAsync(page, "my-nominations");

        await page.GetByRole(AriaRole.Link, new() { Name = text["MyNominations.NominateAnother"], Exact = true }).ClickAsync();
        await FillNominationAsync(journey, page, zhou, photo: false);
        await Expect(page.Locator("main li.card")).ToHaveCountAsync(2);
        await journey.ScreenshotAsync(page, "my-nominations-both");
        return new Person(email, page);
    }

    private static async Task FillNominationAsync(Journey journey, IPage page, Neighbour neighbour, bool photo)
    {
        var text = journey.Text;
        var form = page.Locator("main form");
        await form.GetByLabel(text["Nominate.Category"], new() { Exact = true }).SelectOptionAsync(Award);
        await form.GetByLabel(text["Nominate.NomineeName"], new() { Exact = true }).FillAsync(neighbour.Name);
        await form.GetByLabel(text["Nominate.District"], new() { Exact = true }).SelectOptionAsync(neighbour.District);
        await form.GetByLabel(text["Nominate.Relationship"], new() { Exact = true }).SelectOptionAsync("neighbour");
        // Residents write in their own language; the other story is optional.
        await form.GetByLabel(text[journey.Culture == "zh-CN" ? "Nominate.StoryZh" : "Nominate.StoryEn"], new() { Exact = true }).FillAsync(neighbour.Story);
        await form.GetByLabel(text["Nominate.NomineeEmail"], new() { Exact = true }).FillAsync(neighbour.Email);
        if (photo)
        {
            await form.Locator("#Photos").SetInputFilesAsync(new FilePayload { Name = "neighbour.jpg", MimeType = "image/jpeg", Buffer = PhonePhoto() });
            await journey.ScreenshotAsync(page, "nominate-filled");
        }
        await form.GetByRole(AriaRole.Button, new() { Name = text["Nominate.Submit"], Exact = true }).ClickAsync();
        await page.WaitForURLAsync(new Regex(@"/my-nominations\?submitted="));
    }

    /// <summary>A photo as a phone takes it: a 1600 × 1200 JPEG.</summary>
    private static byte[] PhonePhoto()
    {
        using var image = new ImageMagick.MagickImage(new ImageMagick.MagickColor("#3C7A89"), 1600, 1200);
        return image.ToByteArray(ImageMagick.MagickFormat.Jpeg);
    }

    /// <summary>Each nominee opens the link in their email, on their phone, and agrees to be shown.</summary>
    private static async Task ConsentAsync(Journey journey, params Neighbour[] nominees)
    {
        var text = journey.Text;
        foreach (var (nominee, first) in nominees.Select((n, i) => (n, i == 0)))
        {
            Assert.Contains(text["Nomination.Email.Consent.Subject"], journey.SubjectOfEmailTo(nominee.Email));
            var page = await journey.NewPageAsync(phone: true);
            await page.GotoAsync(journey.LinkInEmail(nominee.Email, "/consent/"));
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = nominee.Name })).ToBeVisibleAsync();
            await Expect(page.Locator("main")).ToContainTextAsync(nominee.Story);
            if (first)
                await journey.CheckAsync(page, "consent");
            await page.GetByRole(AriaRole.Button, new() { Name = text["Consent.Give"], Exact = true }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync(text["Consent.Saved"]);
            await Expect(page.Locator("main")).ToContainTextAsync(text["Consent.State.Given"]);
            if (first)
                await journey.CheckAsync(page, "consent-given");
        }
    }

    /// <summary>The moderator screens the campaign's queue and approves both nominations.</summary>
    private static async Task ApproveAsync(Journey journey, Person moderator, params Neighbour[] nominees)
    {
        var text = journey.Text;
        var page = moderator.Page;
        await page.GotoAsync($"/moderation/{journey.CampaignId}");
        await Expect(page.Locator("main .lead")).ToContainTextAsync(text["Phase.Screening"]);
        await journey.CheckAsync(page, "moderation");
        foreach (var nominee in nominees)
        {
            await Expect(Card(page, nominee.Name)).ToContainTextAsync(text["NomineeConsent.Given"]);
            await Card(page, nominee.Name).GetByRole(AriaRole.Button, new() { Name = text["Moderation.Approve"], Exact = true }).ClickAsync();
            // Back on the waiting list (post/redirect/get), which the approved nomination has left; the notice names it.
            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync(text["Moderation.Saved"]);
            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"{nominee.Name}");
            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync(text["NominationStatus.Approved"]);
            await Expect(Card(page, nominee.Name)).ToHaveCountAsync(0);
        }
        await page.GetByRole(AriaRole.Link, new() { Name = text["Moderation.Tab.Approved"] }).ClickAsync();
        foreach (var nominee in nominees)
            await Expect(Card(page, nominee.Name)).ToContainTextAsync(text["NominationStatus.Approved"]);
        await journey.CheckAsync(page, "moderation-approved");
    }

    /// <summary>The chair seats both committee members on the award's panel.</summary>
    private static async Task SeatPanelAsync(Journey journey, Person chair, params Person[] members)
    {
        var text = journey.Text;
        var page = chair.Page;
        await page.GotoAsync($"/committee/{journey.CampaignId}/panels");
        await journey.CheckAsync(page, "panels");
        var panel = Section(page, AwardName(journey));
        foreach (var member in members)
        {
            await panel.GetByLabel(text["Judging.Panels.AddEmail"], new() { Exact = true }).FillAsync(member.Email);
            await panel.GetByRole(AriaRole.Button, new() { Name = text["Judging.Panels.Add"], Exact = true }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync(text["Judging.Panels.Added"]);
        }
        await Expect(panel.Locator("ul > li")).ToHaveTextAsync([new Regex("member-a"), new Regex("member-b")]);
        await journey.CheckAsync(page, "panels-seated");
    }

    /// <summary>
    /// Member A scores both entries (Lin higher). Member B steps aside from Lin's entry (they know her) and scores Zhou's;
    /// nobody is left to replace them, which the chair will see.
    /// </summary>
    private static async Task ScoreAsync(Journey journey, Person memberA, Person memberB, Neighbour lin, Neighbour zhou)
    {
        var text = journey.Text;
        var page = memberA.Page;
        await page.GotoAsync($"/committee/{journey.CampaignId}");
        // Judges are assigned by a background job after the early advance: the member looks again until they are.
        for (var look = 0; look < 30 && await page.Locator(".judging-queue > li").CountAsync() < 2; look++)
        {
            await page.WaitForTimeoutAsync(1000);
            await page.ReloadAsync();
        }
        await Expect(page.Locator(".judging-queue > li")).ToHaveCountAsync(2);
        await Expect(page.Locator("main")).ToContainTextAsync(text["Judging.Queue.Progress", 0, 2]);
        await journey.CheckAsync(page, "member-a-queue");
        await OpenEntryAsync(page, lin);
        await Expect(page.Locator("main")).ToContainTextAsync(text["Judging.Entry.Blind"]);
        await journey.CheckAsync(page, "member-a-entry");
        await SubmitScoreAsync(journey, page, 9);
        await page.GetByRole(AriaRole.Link, new() { Name = text["Judging.Entry.Back"] }).ClickAsync();
        await OpenEntryAsync(page, zhou);
        await SubmitScoreAsync(journey, page, 6);
        await page.GetByRole(AriaRole.Link, new() { Name = text["Judging.Entry.Back"] }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync(text["Judging.Queue.AllDone"]);
        await journey.CheckAsync(page, "member-a-all-submitted");

        page = memberB.Page;
        await page.GotoAsync($"/committee/{journey.CampaignId}");
        await OpenEntryAsync(page, lin);
        await page.Locator("summary", new() { HasText = text["Judging.Recuse.Title"] }).ClickAsync();
        await page.GetByLabel(text["Judging.Recuse.Reason"], new() { Exact = true }).FillAsync(RecusalReason(journey));
        await journey.CheckAsync(page, "member-b-declares-conflict");
        await page.GetByRole(AriaRole.Button, new() { Name = text["Judging.Recuse.Submit"], Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync(text["Judging.Message.RecusedNoReplacement"]);
        await journey.CheckAsync(page, "member-b-stepped-aside");
        await OpenEntryAsync(page, zhou);
        await SubmitScoreAsync(journey, page, 7);
    }

    private static string RecusalReason(Journey journey) => journey.Culture == "zh-CN" ? "林阿姨是我的邻居。" : "Auntie Lin is my neighbour.";

    private static async Task OpenEntryAsync(IPage page, Neighbour neighbour)
    {
        await page.Locator(".queue-link", new() { HasText = neighbour.Name }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(neighbour.Name);
    }

    /// <summary>Marks every criterion of the rubric with <paramref name="mark"/>, adds a remark and submits.</summary>
    private static async Task SubmitScoreAsync(Journey journey, IPage page, int mark)
    {
        var text = journey.Text;
        foreach (var criterion in await page.Locator("fieldset.criterion").AllAsync())
            await criterion.GetByRole(AriaRole.Radio, new() { Name = $"{mark}", Exact = true }).CheckAsync();
        await page.GetByLabel(text["Judging.Entry.Comment"], new() { Exact = true }).FillAsync(journey.Culture == "zh-CN" ? "事迹具体，有说服力。" : "A specific, convincing story.");
        await page.GetByRole(AriaRole.Button, new() { Name = text["Judging.Entry.Submit"], Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync(text["Judging.Message.Submitted"]);
    }

    /// <summary>The chair sees the recusal and the entry short of a judge, then finalises the award's shortlist: Lin first.</summary>
    private static async Task FinaliseAsync(Journey journey, Person chair, Neighbour lin)
    {
        var text = journey.Text;
        var page = chair.Page;
        await page.GotoAsync($"/committee/{journey.CampaignId}/chair");
        var award = Section(page, AwardName(journey));
        await Expect(award).ToContainTextAsync($"{text["Judging.Chair.Recusals"]}: member-b — {RecusalReason(journey)}");
        await Expect(award.Locator(".notice-error")).ToContainTextAsync(lin.Name);
        await journey.CheckAsync(page, "chair-progress");
        // Pressed without the tick: nothing is finalised, and the page names the box to tick.
        var finalise = award.GetByRole(AriaRole.Button, new() { Name = text["Judging.Chair.Finalise"] });
        await finalise.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync(text["Judging.Chair.FinaliseConfirmFirst", AwardName(journey)]);
        var tick = Section(page, AwardName(journey)).GetByRole(AriaRole.Checkbox, new() { Name = text["Judging.Chair.FinaliseConfirm"] });
        await Expect(tick).ToHaveAttributeAsync("aria-invalid", "true");
        await journey.CheckAsync(page, "chair-finalise-unticked");
        await tick.CheckAsync();
        await Section(page, AwardName(journey)).GetByRole(AriaRole.Button, new() { Name = text["Judging.Chair.Finalise"] }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync(text["Judging.Chair.Finalised"]);
        var shortlist = Section(page, AwardName(journey)).Locator("table").First;
        await Expect(shortlist.Locator("tbody tr")).ToHaveCountAsync(2);
        await Expect(shortlist.Locator("tbody tr").First).ToContainTextAsync(lin.Name);
        await journey.CheckAsync(page, "chair-shortlist");
    }

    /// <summary>
    /// The resident votes for Lin on their phone and follows the receipt's link; a second resident, on a desktop, signs up and
    /// votes for Lin too. Returns the second voter and their receipt.
    /// </summary>
    private static async Task<(Person Voter, string Receipt)> VoteAsync(Journey journey, Person resident, Neighbour lin, Neighbour zhou)
    {
        var text = journey.Text;
        var page = resident.Page;
        await page.GotoAsync($"/campaigns/{journey.CampaignId}/vote");
        var ballot = Section(page, AwardName(journey));
        await Expect(ballot.Locator("li.entry h3")).ToHaveTextAsync([lin.Name, zhou.Name]);
        await Expect(ballot).ToContainTextAsync(text["VotePage.Used.One", 0, 1]);
        await journey.CheckAsync(page, "vote");
        var receipt = await CastVoteAsync(journey, page, lin);
        await journey.CheckAsync(page, "voted");
        await page.GetByRole(AriaRole.Status).GetByRole(AriaRole.Link, new() { Name = text["ReceiptPage.Title"], Exact = true }).ClickAsync();
        await ExpectReceiptAsync(journey, page, receipt, "VoteStatus.Counted", lin);
        await journey.CheckAsync(page, "receipt");

        var second = await journey.NewPageAsync();
        var email = await journey.RegisterAsync(second, "voter");
        await journey.SignInAsync(second, email, shownAs: "voter");
        await second.GotoAsync($"/campaigns/{journey.CampaignId}/vote");
        var secondReceipt = await CastVoteAsync(journey, second, lin);
        await journey.ScreenshotAsync(second, "second-voter-voted");
        return (new Person(email, second), secondReceipt);
    }

    private static async Task<string> CastVoteAsync(Journey journey, IPage page, Neighbour neighbour)
    {
        var text = journey.Text;
        await page.GetByRole(AriaRole.Button, new() { Name = text["VotePage.VoteFor", neighbour.Name], Exact = true }).ClickAsync();
        var status = page.GetByRole(AriaRole.Status).Filter(new() { HasText = text["VotePage.Counted"] });
        await Expect(status).ToBeVisibleAsync();
        await Expect(page.Locator(".entry-chosen h3")).ToHaveTextAsync(neighbour.Name);
        var receipt = (await status.Locator("code.receipt").TextContentAsync())!.Trim();
        Assert.Matches("^[0-9A-Za-z]{20,40}$", receipt);
        return receipt;
    }

    /// <summary>On the receipts page (the voter signed in): the receipt, its status and whom the vote was for.</summary>
    private static async Task ExpectReceiptAsync(Journey journey, IPage page, string receipt, string status, Neighbour choice)
    {
        var text = journey.Text;
        var result = page.GetByRole(AriaRole.Status);
        await Expect(result.Locator("code.receipt")).ToHaveTextAsync(receipt);
        await Expect(result).ToContainTextAsync(text[status]);
        await Expect(result).ToContainTextAsync(choice.Name);
        await Expect(result).ToContainTextAsync(journey.CampaignName);
    }

    /// <summary>The second voter checks their receipt by typing it in.</summary>
    private static async Task LookUpReceiptAsync(Journey journey, IPage page, string receipt)
    {
        await page.GotoAsync("/receipts");
        await page.GetByLabel(journey.Text["ReceiptPage.Label"], new() { Exact = true }).FillAsync(receipt);
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = journey.Text["ReceiptPage.Check"], Exact = true }).ClickAsync();
    }

    /// <summary>
    /// Tallying: the second vote (a second account on the same network) is held; its voter sees so on the receipts page; the
    /// administrator clears it on the held-votes page, computes the results again and publishes them; the voter sees it counted.
    /// </summary>
    private static async Task ReviewAndPublishAsync(Journey journey, (Person Voter, string Receipt) second, Neighbour lin)
    {
        var text = journey.Text;
        var admin = journey.Admin.Page;
        // No page has "scan now" (the minutely job scans by itself, at a moment the test cannot wait for): the administrator asks the API.
        await Journey.ExpectOkAsync(await admin.APIRequest.PostAsync($"/api/admin/campaigns/{journey.CampaignId}/held-votes/scan"), "scan for fraud signals");

        await LookUpReceiptAsync(journey, second.Voter.Page, second.Receipt);
        await ExpectReceiptAsync(journey, second.Voter.Page, second.Receipt, "VoteStatus.HeldForReview", lin);
        await journey.CheckAsync(second.Voter.Page, "receipt-held");

        await admin.GotoAsync($"/admin/campaigns/{journey.CampaignId}/held-votes");
        var held = Section(admin, $"{text["Fraud.Signal.ManyAccountsOneNetwork"]} (1)");
        await Expect(held).ToContainTextAsync(text["Fraud.Evidence.ManyAccountsGroup", 2, 2]);
        await journey.CheckAsync(admin, "held-votes");
        await held.GetByRole(AriaRole.Checkbox).CheckAsync(); // "I have checked these votes; it cannot be undone"
        await held.GetByRole(AriaRole.Button, new() { Name = text["Fraud.Page.ClearGroup", 1], Exact = true }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync(text["Fraud.Page.Cleared", 1]);
        await Expect(admin.Locator("main")).ToContainTextAsync(text["Fraud.Page.NoneWaiting"]);
        await journey.CheckAsync(admin, "held-votes-cleared");

        await admin.GotoAsync($"/admin/campaigns/{journey.CampaignId}/results");
        await Expect(admin.Locator("main dl")).ToContainTextAsync(text["Phase.Tallying"]);
        await journey.CheckAsync(admin, "results-admin");
        await admin.GetByRole(AriaRole.Button, new() { Name = text["Results.Admin.Recompute"], Exact = true }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync(text["Results.Admin.Recomputed"]);
        await admin.GetByLabel(text["Results.Admin.PublishConfirm"], new() { Exact = true }).CheckAsync(); // publishing cannot be undone
        await admin.GetByRole(AriaRole.Button, new() { Name = text["Results.Admin.Publish"], Exact = true }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync(text["Results.Admin.Published"]);
        await Expect(admin.Locator("main dl")).ToContainTextAsync(text["Phase.Published"]);
        await journey.CheckAsync(admin, "results-published");

        await LookUpReceiptAsync(journey, second.Voter.Page, second.Receipt);
        await ExpectReceiptAsync(journey, second.Voter.Page, second.Receipt, "VoteStatus.Counted", lin);
        await journey.CheckAsync(second.Voter.Page, "receipt-counted");
    }

    /// <summary>
    /// A visitor whose browser speaks the other language opens the results, switches language with the header link, and
    /// finds Lin as the winner with her photo, the chart, the ranking with both votes, and her certificate. The chart is
    /// drawn on the server: a browser without JavaScript shows the same bars.
    /// </summary>
    private static async Task ReadResultsAsync(Journey journey, Neighbour lin)
    {
        var text = journey.Text;
        var page = await journey.NewPageAsync(locale: journey.OtherCulture);
        await page.GotoAsync($"/campaigns/{journey.CampaignId}/results");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", journey.OtherCulture);
        await page.GetByRole(AriaRole.Link, new() { Name = journey.Culture == "zh-CN" ? "中文" : "English", Exact = true }).ClickAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", journey.Culture);

        var award = Section(page, AwardName(journey));
        var winner = award.Locator("article.winner");
        await Expect(winner.Locator(".winner-badge")).ToHaveTextAsync(text["Results.Winner"]);
        await Expect(winner.GetByRole(AriaRole.Heading)).ToHaveTextAsync(lin.Name);
        var photo = winner.Locator("img.winner-photo");
        await Expect(photo).ToHaveAttributeAsync("alt", text["Gallery.PhotoNumberOf", 1, lin.Name]);
        Assert.True(await photo.EvaluateAsync<int>("img => img.complete ? img.naturalWidth : 0") > 0, "the winner's photo should load");
        await ExpectChartAsync(journey, award, lin);
        await Expect(award.Locator("tr.rank-first th")).ToHaveTextAsync(lin.Name);
        await Expect(award.Locator("tr.rank-first td").Nth(4)).ToHaveTextAsync("2"); // rank, district, score, scores, votes
        await journey.CheckAsync(page, "results");

        await winner.GetByRole(AriaRole.Link, new() { Name = text["Results.Certificate"], Exact = true }).ClickAsync();
        await Expect(page.Locator(".certificate .name")).ToHaveTextAsync(lin.Name);
        await Expect(page.Locator(".certificate .award")).ToContainTextAsync("开明睿智");
        await journey.CheckAsync(page, "certificate", lang: "zh-CN"); // a bilingual certificate, Chinese first

        // axe itself needs JavaScript, so the page without it is only looked at.
        var noScript = await journey.NewPageAsync(javaScript: false);
        await noScript.GotoAsync($"/campaigns/{journey.CampaignId}/results");
        await ExpectChartAsync(journey, Section(noScript, AwardName(journey)), lin);
        await journey.ScreenshotAsync(noScript, "results-without-javascript");
    }

    /// <summary>The award's chart: an image named by its title, Lin's bar first, and a description naming her as the winner.</summary>
    private static async Task ExpectChartAsync(Journey journey, ILocator award, Neighbour lin)
    {
        var chart = award.Locator("svg.results-chart[role=img]");
        await Expect(chart).ToBeVisibleAsync();
        await Expect(chart.Locator("title")).ToHaveTextAsync(journey.Text["Results.Chart.Title", AwardName(journey)]);
        await Expect(chart.Locator("desc")).ToContainTextAsync(lin.Name);
        await Expect(chart.Locator("text", new() { HasText = $"1. {lin.Name}" })).ToHaveCountAsync(1);
    }

    private static ILocator Card(IPage page, string name) =>
        page.Locator("main li.card").Filter(new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = name, Exact = true }) });

    private static ILocator Section(IPage page, string heading) =>
        page.Locator("main section").Filter(new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = heading, Exact = true }) });
}
