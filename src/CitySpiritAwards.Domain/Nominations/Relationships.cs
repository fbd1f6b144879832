using CitySpiritAwards.Domain.Localization;

namespace CitySpiritAwards.Domain.Nominations;

/// <summary>How the nominator knows the nominee: a fixed list of stable ids with bilingual labels for the form.</summary>
public static class Relationships
{
    public const string Neighbour = "neighbour";
    public const string Colleague = "colleague";
    public const string Friend = "friend";
    public const string Family = "family";
    public const string CommunityWorker = "community-worker";
    public const string Volunteer = "volunteer";
    /// <summary>The nominee served the nominator, e.g. as a shop keeper or a bus driver.</summary>
    public const string Customer = "customer";
    public const string Other = "other";

    /// <summary>The ids in the order the form lists them.</summary>
    public static readonly IReadOnlyList<string> All =
        [Neighbour, Colleague, Friend, Family, CommunityWorker, Volunteer, Customer, Other];

    public static readonly IReadOnlyDictionary<string, LocalizedText> Labels = new Dictionary<string, LocalizedText>(StringComparer.Ordinal)
    {
        [Neighbour] = new("邻居", "Neighbour"),
        [Colleague] = new("同事", "Colleague"),
        [Friend] = new("朋友", "Friend"),
        [Family] = new("家人", "Family member"),
        [CommunityWorker] = new("社区工作者", "Community worker"),
        [Volunteer] = new("志愿者", "Volunteer"),
        [Customer] = new("顾客（TA 为我服务过）", "Customer (they served me)"),
        [Other] = new("其他", "Other"),
    };

    public static bool IsKnown(string? id) => id is not null && Labels.ContainsKey(id);

    public static LocalizedText Label(string id) =>
        Labels.TryGetValue(id, out var label) ? label : throw new ArgumentException($"'{id}' is not a relationship.", nameof(id));
}
