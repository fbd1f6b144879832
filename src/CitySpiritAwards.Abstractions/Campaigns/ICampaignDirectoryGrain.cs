namespace CitySpiritAwards.Abstractions.Campaigns;

/// <summary>The list of all campaign ids, newest last. A single instance, keyed by <see cref="Key"/>.</summary>
[Alias("CitySpiritAwards.ICampaignDirectoryGrain")]
public interface ICampaignDirectoryGrain : IGrainWithStringKey
{
    const string Key = "all";

    [Alias("List")]
    Task<IReadOnlyList<string>> ListAsync();

    [Alias("Add")]
    Task AddAsync(string campaignId);
}
