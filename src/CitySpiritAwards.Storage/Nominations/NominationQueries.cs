using CitySpiritAwards.Domain.Nominations;
using Dapper;

namespace CitySpiritAwards.Storage.Nominations;

/// <summary>
/// What the moderators' queue shows: one status (null: every status but withdrawn, which is the nominator's business),
/// narrowed by award, district, part of the nominee's name, or to possible duplicates.
/// </summary>
public sealed record ModerationFilter(
    NominationStatus? Status = NominationStatus.Submitted,
    string? CategoryId = null,
    string? DistrictId = null,
    string? Search = null,
    bool DuplicatesOnly = false);

/// <param name="Counts">Nominations per status under the same award, district, name and duplicate filters (what each status tab would show).</param>
/// <param name="Duplicates">For each duplicate key on the page, the live nominations that share it (each item's possible duplicates, itself included).</param>
public sealed record ModerationPage(
    IReadOnlyList<NominationListing> Items,
    Paging Paging,
    IReadOnlyDictionary<NominationStatus, int> Counts,
    ILookup<string, NominationListing> Duplicates)
{
    /// <summary>The other live nominations of the same nominee (same folded name and district), which this one could be merged into.</summary>
    public IReadOnlyList<NominationListing> DuplicatesOf(NominationListing nomination) =>
        Duplicates[nomination.DuplicateKey].Where(n => n.Id != nomination.Id).ToList();
}

/// <summary>The public gallery's filters: award, district, part of the nominee's name (null for all).</summary>
public sealed record GalleryFilter(string? CategoryId = null, string? DistrictId = null, string? Search = null);

public sealed record GalleryPage(IReadOnlyList<NominationListing> Items, Paging Paging);

/// <summary>A page of one resident's own nominations, across campaigns.</summary>
public sealed record NominatorPage(IReadOnlyList<NominationListing> Items, Paging Paging);

/// <summary>
/// Lists of nominations, answered from the read table: a page at a time, filtered on indexed columns, counted in SQL.
/// Nothing here reads a grain.
/// </summary>
public sealed class NominationQueries(ReadTables tables)
{
    /// <summary>Statuses a nomination can be merged from or into: still in play.</summary>
    public static readonly IReadOnlyList<NominationStatus> Live = [NominationStatus.Submitted, NominationStatus.ChangesRequested, NominationStatus.Approved];

    private static readonly string[] LiveNames = Live.Select(s => s.ToString()).ToArray();

    public async Task<ModerationPage> ModerationAsync(string campaignId, ModerationFilter filter, int? page, int? pageSize, CancellationToken cancellationToken = default)
    {
        var where = new List<string> { "n.campaign_id = @CampaignId", "n.status <> 'Withdrawn'" };
        var search = AddFilters(where, filter.CategoryId, filter.DistrictId, filter.Search);
        if (filter.DuplicatesOnly)
            where.Add($"""
                n.status {tables.In("@Live")} AND EXISTS (SELECT 1 FROM nominations AS d
                    WHERE d.campaign_id = n.campaign_id AND d.duplicate_key = n.duplicate_key AND d.id <> n.id AND d.status {tables.In("@Live")})
                """);
        var parameters = new DynamicParameters(new
        {
            CampaignId = campaignId, filter.CategoryId, filter.DistrictId, search.Pattern, search.Gram, Live = LiveNames,
            Status = filter.Status?.ToString(),
        });

        await using var connection = await tables.OpenAsync(cancellationToken);
        // Without a search or the duplicates filter the counts are kept ready (nomination_counts); with one, counted here.
        var countSql = search.Pattern is null && !filter.DuplicatesOnly
            ? $"SELECT status, sum(count) FROM nomination_counts AS n WHERE n.campaign_id = @CampaignId AND n.status <> 'Withdrawn'{CountFilters(filter.CategoryId, filter.DistrictId)} GROUP BY status"
            : $"SELECT n.status, count(*) FROM nominations AS n WHERE {string.Join(" AND ", where)} GROUP BY n.status";
        var counts = (await connection.QueryAsync<(string Status, long Count)>(new CommandDefinition(countSql, parameters, cancellationToken: cancellationToken)))
            .Where(c => c.Count > 0)
            .ToDictionary(c => Enum.Parse<NominationStatus>(c.Status), c => (int)c.Count);
        var total = filter.Status is { } status ? counts.GetValueOrDefault(status) : counts.Values.Sum();
        var paging = Paging.For(page, pageSize, total, PageSizes.Moderation);
        if (filter.Status is not null)
            where.Add("n.status = @Status");
        parameters.AddDynamicParams(new { Take = paging.PageSize, paging.Skip });

        var items = (await connection.QueryAsync<NominationListing.Data>(new CommandDefinition($"""
                SELECT {NominationListing.Columns} FROM nominations AS n WHERE {string.Join(" AND ", where)}
                ORDER BY n.submitted_at, n.id LIMIT @Take OFFSET @Skip
                """, parameters, cancellationToken: cancellationToken)))
            .Select(NominationListing.From).ToList();

        var keys = items.Where(i => Live.Contains(i.Status)).Select(i => i.DuplicateKey).Distinct().ToList();
        var duplicates = keys.Count == 0 ? [] : (await connection.QueryAsync<NominationListing.Data>(new CommandDefinition($"""
                SELECT {NominationListing.Columns} FROM nominations AS n
                WHERE n.campaign_id = @CampaignId AND n.duplicate_key {tables.In("@Keys")} AND n.status {tables.In("@Live")}
                ORDER BY n.submitted_at, n.id
                """, new { CampaignId = campaignId, Keys = keys, Live = LiveNames }, cancellationToken: cancellationToken)))
            .Select(NominationListing.From).ToList();
        return new ModerationPage(items, paging, counts, duplicates.ToLookup(d => d.DuplicateKey));
    }

    /// <summary>Public nominations, newest first.</summary>
    public async Task<GalleryPage> GalleryAsync(string campaignId, GalleryFilter filter, int? page, int? pageSize, CancellationToken cancellationToken = default)
    {
        var where = new List<string> { "n.campaign_id = @CampaignId", "n.public_since IS NOT NULL" };
        var search = AddFilters(where, filter.CategoryId, filter.DistrictId, filter.Search);
        var parameters = new DynamicParameters(new { CampaignId = campaignId, filter.CategoryId, filter.DistrictId, search.Pattern, search.Gram });
        var condition = string.Join(" AND ", where);

        await using var connection = await tables.OpenAsync(cancellationToken);
        var total = await connection.ExecuteScalarAsync<long>(new CommandDefinition(search.Pattern is null
                ? $"SELECT coalesce(sum(count), 0) FROM nomination_counts AS n WHERE n.campaign_id = @CampaignId AND n.is_public = 1{CountFilters(filter.CategoryId, filter.DistrictId)}"
                : $"SELECT count(*) FROM nominations AS n WHERE {condition}",
            parameters, cancellationToken: cancellationToken));
        var paging = Paging.For(page, pageSize, (int)total, PageSizes.Gallery);
        parameters.AddDynamicParams(new { Take = paging.PageSize, paging.Skip });
        var items = (await connection.QueryAsync<NominationListing.Data>(new CommandDefinition($"""
                SELECT {NominationListing.Columns} FROM nominations AS n WHERE {condition}
                ORDER BY n.public_since DESC, n.id LIMIT @Take OFFSET @Skip
                """, parameters, cancellationToken: cancellationToken)))
            .Select(NominationListing.From).ToList();
        return new GalleryPage(items, paging);
    }

    /// <summary>
    /// A resident's own nominations in every campaign (withdrawn ones too: the nominator's business), campaigns in the
    /// order given (newest first), each campaign's newest first. Counted per campaign in SQL (a resident has a few in
    /// each), then only the slices on the page are read, each a range of the nominator index.
    /// </summary>
    public async Task<NominatorPage> NominatorAsync(
        string nominatorId, IReadOnlyList<string> campaignsNewestFirst, int? page, int? pageSize, CancellationToken cancellationToken = default)
    {
        await using var connection = await tables.OpenAsync(cancellationToken);
        var counts = (await connection.QueryAsync<(string CampaignId, long Count)>(new CommandDefinition(
                "SELECT campaign_id, count(*) FROM nominations WHERE nominator_id = @NominatorId GROUP BY campaign_id",
                new { NominatorId = nominatorId }, cancellationToken: cancellationToken)))
            .ToDictionary(c => c.CampaignId, c => (int)c.Count, StringComparer.Ordinal);
        // A campaign the caller did not name (there should be none) comes last rather than being left out.
        var order = campaignsNewestFirst.Distinct(StringComparer.Ordinal).Where(counts.ContainsKey)
            .Concat(counts.Keys.Except(campaignsNewestFirst, StringComparer.Ordinal).Order(StringComparer.Ordinal)).ToList();
        var paging = Paging.For(page, pageSize, counts.Values.Sum(), PageSizes.Nominator);

        var items = new List<NominationListing>(paging.PageSize);
        var skip = paging.Skip;
        foreach (var campaignId in order)
        {
            if (items.Count == paging.PageSize)
                break;
            if (skip >= counts[campaignId])
            {
                skip -= counts[campaignId];
                continue;
            }
            var take = Math.Min(counts[campaignId] - skip, paging.PageSize - items.Count);
            items.AddRange((await connection.QueryAsync<NominationListing.Data>(new CommandDefinition($"""
                    SELECT {NominationListing.Columns} FROM nominations AS n WHERE n.nominator_id = @NominatorId AND n.campaign_id = @CampaignId
                    ORDER BY n.submitted_at DESC, n.id LIMIT @Take OFFSET @Skip
                    """, new { NominatorId = nominatorId, CampaignId = campaignId, Take = take, Skip = skip }, cancellationToken: cancellationToken)))
                .Select(NominationListing.From));
            skip = 0;
        }
        return new NominatorPage(items, paging);
    }

    /// <summary>The nominations with these ids (a page's worth: shortlists, a judge's entries), in no particular order; unknown ids are left out.</summary>
    public async Task<IReadOnlyList<NominationListing>> FindAsync(IEnumerable<string> ids, CancellationToken cancellationToken = default)
    {
        var wanted = ids.Distinct(StringComparer.Ordinal).ToList();
        if (wanted.Count == 0)
            return [];
        await using var connection = await tables.OpenAsync(cancellationToken);
        var found = new List<NominationListing>(wanted.Count);
        foreach (var chunk in wanted.Chunk(500))
        {
            found.AddRange((await connection.QueryAsync<NominationListing.Data>(new CommandDefinition(
                    $"SELECT {NominationListing.Columns} FROM nominations AS n WHERE n.id {tables.In("@Ids")}", new { Ids = chunk }, cancellationToken: cancellationToken)))
                .Select(NominationListing.From));
        }
        return found;
    }

    /// <summary>A campaign's nominations per status (withdrawn included), for its administrators.</summary>
    public async Task<IReadOnlyDictionary<NominationStatus, int>> CountsAsync(string campaignId, CancellationToken cancellationToken = default)
    {
        await using var connection = await tables.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<(string Status, long Count)>(new CommandDefinition(
                "SELECT status, sum(count) FROM nomination_counts WHERE campaign_id = @CampaignId GROUP BY status",
                new { CampaignId = campaignId }, cancellationToken: cancellationToken)))
            .Where(c => c.Count > 0)
            .ToDictionary(c => Enum.Parse<NominationStatus>(c.Status), c => (int)c.Count);
    }

    /// <summary>
    /// The conditions both lists share (an award, a district, part of a name; parameters @CategoryId, @DistrictId,
    /// @Pattern, @Gram); returns what a search binds: its LIKE pattern, and on PostgreSQL for one or two characters
    /// the gram its index finds (the same rows: a name holds those characters side by side exactly when it holds the gram).
    /// </summary>
    private (string? Pattern, string? Gram) AddFilters(List<string> where, string? categoryId, string? districtId, string? search)
    {
        if (!string.IsNullOrEmpty(categoryId))
            where.Add("n.category_id = @CategoryId");
        if (!string.IsNullOrEmpty(districtId))
            where.Add("n.district_id = @DistrictId");
        var pattern = NamePattern(search);
        if (pattern is null)
            return (null, null);
        var folded = DuplicateKey.Fold(search!);
        if (tables.IsPostgres && SearchGrams.Length(folded) <= SearchGrams.MaxLength)
        {
            where.Add("string_to_array(n.search_grams, ' ') @> ARRAY[@Gram]::text[]");
            return (pattern, folded);
        }
        where.Add(@"n.search_name LIKE @Pattern ESCAPE '\'");
        return (pattern, null);
    }

    /// <summary>" AND n.category_id = @CategoryId AND n.district_id = @DistrictId", each only when given.</summary>
    private static string CountFilters(string? categoryId, string? districtId) =>
        (string.IsNullOrEmpty(categoryId) ? "" : " AND n.category_id = @CategoryId") + (string.IsNullOrEmpty(districtId) ? "" : " AND n.district_id = @DistrictId");

    /// <summary>
    /// A LIKE pattern for part of a name, folded as the stored names are (so case, width, spaces and middle dots do not
    /// matter), with LIKE's own characters escaped; null when nothing is left to search for.
    /// </summary>
    internal static string? NamePattern(string? search)
    {
        if (string.IsNullOrWhiteSpace(search) || !NominationText.IsValid(search, multiline: false))
            return null;
        var folded = DuplicateKey.Fold(search);
        if (folded.Length == 0)
            return null;
        return "%" + folded.Replace(@"\", @"\\").Replace("%", @"\%").Replace("_", @"\_") + "%";
    }
}
