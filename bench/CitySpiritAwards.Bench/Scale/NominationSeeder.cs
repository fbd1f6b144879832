using System.Diagnostics;
using CitySpiritAwards.Abstractions.Nominations;

namespace CitySpiritAwards.Bench.Scale;

/// <summary>A nomination the seeding made: its id, award, and the Chinese given name a search may look for.</summary>
public sealed record SeededNomination(string Id, string CategoryId, string? ChineseGivenName);

/// <summary>What one campaign was seeded with: the approved and consented nominations, and the pending ones (submitted, no consent yet).</summary>
public sealed record SeededNominations(IReadOnlyList<SeededNomination> Approved, IReadOnlyList<SeededNomination> Pending);

/// <summary>
/// Seeds a campaign's nominations through their grains, in parallel: most imported as approved and consented
/// (<see cref="INominationGrain.ImportApprovedAsync"/>), a slice submitted by residents of their own
/// (<see cref="IResidentNominationsGrain.SubmitAsync"/>, so the campaign must be Nominating) and left pending. Both
/// calls are idempotent, so a call that timed out under the load is simply made again.
/// </summary>
public sealed class NominationSeeder(IGrainFactory grains, FictionalNominees nominees, string campaignId, int parallelism, Action<string> log)
{
    private const string Actor = "import:scale-bench";
    private const int Attempts = 3;

    public async Task<SeededNominations> SeedAsync(int total, int pending)
    {
        var approved = await RunAsync("approved", Enumerable.Range(0, total - pending), async (id, i, draft) =>
            await grains.GetGrain<INominationGrain>(id).ImportApprovedAsync(new NominationSubmission(campaignId, NominatorOf(i), draft, []), Actor));
        var submitted = await RunAsync("pending", Enumerable.Range(total - pending, pending), async (id, i, draft) =>
        {
            var outcome = await grains.GetGrain<IResidentNominationsGrain>(IResidentNominationsGrain.KeyFor(campaignId, NominatorOf(i))).SubmitAsync(id, draft, []);
            if (!outcome.Succeeded)
                throw new InvalidOperationException($"Nomination {i} was refused: {outcome.Refusal} {string.Join(", ", outcome.Problems.Select(p => $"{p.Field} {p.Code}"))}");
        });
        return new SeededNominations(approved, submitted);
    }

    /// <summary>A resident of its own for each nomination (fictional account ids: nobody signs in as them).</summary>
    private static string NominatorOf(int i) => $"scale-nominator-{i:0000000}";

    private async Task<IReadOnlyList<SeededNomination>> RunAsync(
        string kind, IEnumerable<int> numbers, Func<string, int, Domain.Nominations.NominationDraft, Task> seed)
    {
        var list = numbers.Select(i => (Number: i, Id: Guid.NewGuid().ToString("N"))).ToList();
        var done = 0;
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(list, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, async (item, _) =>
        {
            var draft = nominees.Nominee(item.Number).Draft;
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await seed(item.Id, item.Number, draft);
                    break;
                }
                catch (Exception e) when (attempt < Attempts && e is TimeoutException or OrleansException)
                {
                    await Task.Delay(TimeSpan.FromSeconds(attempt));
                }
            }
            var count = Interlocked.Increment(ref done);
            if (count % Math.Max(1, list.Count / 10) == 0)
                log($"  {kind} nominations: {count:N0} of {list.Count:N0} ({count / clock.Elapsed.TotalSeconds:N0}/s)");
        });
        SeededNomination Seeded((int Number, string Id) item)
        {
            var nominee = nominees.Nominee(item.Number);
            return new SeededNomination(item.Id, nominee.Draft.CategoryId, nominee.ChineseGivenName);
        }
        return list.Select(Seeded).ToList();
    }
}
