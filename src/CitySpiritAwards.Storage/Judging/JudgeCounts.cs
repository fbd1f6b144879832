using System.Data.Common;
using CitySpiritAwards.Domain.Categories;
using Dapper;

namespace CitySpiritAwards.Storage.Judging;

/// <summary>A judge_assignments row as it counts: its award, entry and judge, its sheet's status, whether its entry is in judging.</summary>
internal class CountedRow
{
    public string CategoryId { get; set; } = "";
    public string EntryId { get; set; } = "";
    public string MemberId { get; set; } = "";
    public string Status { get; set; } = "";
    public long InJudging { get; set; }

    /// <summary>The columns a statement returns the rows it changed with (RETURNING, both providers).</summary>
    public const string Columns = "category_id, entry_id, member_id, status, in_judging";
}

/// <summary>
/// How judge_assignments rows leaving and arriving move the kept counts: judge_counts (rows in judging, per award and
/// judge: assigned, submitted, drafts) and nominations.submitted_sheets (per entry). Gathered over a transaction and
/// applied at its end in one order, counter rows by key and then entries by id, so two transactions moving the same
/// counters take them in the same order and never wait on each other.
/// </summary>
internal sealed class JudgeCounts
{
    private const string Submitted = "Submitted";
    private const string Draft = "Draft";

    private const string MemberSql = """
        INSERT INTO judge_counts (campaign_id, category_id, member_id, assigned, submitted, drafts)
        VALUES (@CampaignId, @CategoryId, @MemberId, @Assigned, @Submitted, @Drafts)
        ON CONFLICT (campaign_id, category_id, member_id) DO UPDATE SET
            assigned = judge_counts.assigned + excluded.assigned, submitted = judge_counts.submitted + excluded.submitted,
            drafts = judge_counts.drafts + excluded.drafts
        """;

    private readonly Dictionary<(string CategoryId, string MemberId), (long Assigned, long Submitted, long Drafts)> _members = [];
    private readonly Dictionary<string, long> _entries = new(StringComparer.Ordinal);

    private static readonly Dictionary<string, int> Ranks =
        CategoryIds.All.Select((id, i) => (id, i)).ToDictionary(r => r.id, r => r.i, StringComparer.Ordinal);

    /// <summary>The award's place in the site's list, the queue's first sort key (unknown awards last).</summary>
    public static int RankOf(string categoryId) => Ranks.GetValueOrDefault(categoryId, 99);

    /// <summary><see cref="RankOf"/> in SQL, of a row's category_id.</summary>
    public static readonly string RankSql =
        "CASE category_id " + string.Join(" ", CategoryIds.All.Select((id, i) => $"WHEN '{id}' THEN {i}")) + " ELSE 99 END";

    /// <summary>
    /// An entry came into judging or left it (its nomination's public_since set or cleared): its rows follow, and their
    /// judges' counts with them. Called by the nomination's write, which holds the nomination's row.
    /// </summary>
    public static async Task EntryInJudgingAsync(
        DbConnection connection, DbTransaction transaction, string campaignId, string entryId, bool inJudging, CancellationToken cancellationToken)
    {
        var counts = new JudgeCounts();
        counts.JudgingChanged(await connection.QueryAsync<CountedRow>(new CommandDefinition($"""
            UPDATE judge_assignments SET in_judging = @InJudging
            WHERE campaign_id = @CampaignId AND entry_id = @EntryId AND in_judging <> @InJudging
            RETURNING {CountedRow.Columns}
            """, new { CampaignId = campaignId, EntryId = entryId, InJudging = inJudging ? 1 : 0 }, transaction, cancellationToken: cancellationToken)));
        await counts.ApplyAsync(connection, transaction, campaignId, cancellationToken);
    }

    /// <summary>
    /// A nomination's row written for the first time (or, never in practice, moved to another campaign): its submitted
    /// sheets counted from its judging rows, which may have been written before it.
    /// </summary>
    public static Task EntryArrivedAsync(DbConnection connection, DbTransaction transaction, string campaignId, string entryId, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition("""
            UPDATE nominations SET submitted_sheets = (SELECT count(*) FROM judge_assignments AS a
                WHERE a.campaign_id = @CampaignId AND a.entry_id = @EntryId AND a.status = 'Submitted')
            WHERE id = @EntryId
            """, new { CampaignId = campaignId, EntryId = entryId }, transaction, cancellationToken: cancellationToken));

    public void Added(IEnumerable<CountedRow> rows) => Move(rows, +1);

    public void Removed(IEnumerable<CountedRow> rows) => Move(rows, -1);

    /// <summary>Rows whose entry came into judging (in_judging now 1) or left it (now 0): only the judges' counts move.</summary>
    public void JudgingChanged(IEnumerable<CountedRow> rows)
    {
        foreach (var row in rows)
            MoveMember(row, row.InJudging == 1 ? +1 : -1);
    }

    public async Task ApplyAsync(DbConnection connection, DbTransaction transaction, string campaignId, CancellationToken cancellationToken)
    {
        foreach (var ((categoryId, memberId), (assigned, submitted, drafts)) in _members
                     .Where(m => m.Value != default)
                     .OrderBy(m => m.Key.CategoryId, StringComparer.Ordinal).ThenBy(m => m.Key.MemberId, StringComparer.Ordinal))
            await connection.ExecuteAsync(new CommandDefinition(MemberSql,
                new { CampaignId = campaignId, CategoryId = categoryId, MemberId = memberId, Assigned = assigned, Submitted = submitted, Drafts = drafts },
                transaction, cancellationToken: cancellationToken));
        foreach (var (entryId, delta) in _entries.Where(e => e.Value != 0).OrderBy(e => e.Key, StringComparer.Ordinal))
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE nominations SET submitted_sheets = submitted_sheets + @Delta WHERE id = @Id AND campaign_id = @CampaignId",
                new { Id = entryId, CampaignId = campaignId, Delta = delta }, transaction, cancellationToken: cancellationToken));
        _members.Clear();
        _entries.Clear();
    }

    private void Move(IEnumerable<CountedRow> rows, int sign)
    {
        foreach (var row in rows)
        {
            if (row.InJudging == 1)
                MoveMember(row, sign);
            if (row.Status == Submitted)
                _entries[row.EntryId] = _entries.GetValueOrDefault(row.EntryId) + sign;
        }
    }

    private void MoveMember(CountedRow row, int sign)
    {
        var key = (row.CategoryId, row.MemberId);
        var (assigned, submitted, drafts) = _members.GetValueOrDefault(key);
        _members[key] = (assigned + sign, submitted + (row.Status == Submitted ? sign : 0), drafts + (row.Status == Draft ? sign : 0));
    }
}
