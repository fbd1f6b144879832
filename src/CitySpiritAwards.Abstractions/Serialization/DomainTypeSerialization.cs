using Orleans.Serialization;

namespace CitySpiritAwards.Abstractions.Serialization;

public static class DomainTypeSerialization
{
    /// <summary>
    /// The domain project is plain C# without Orleans attributes, so its records (categories, rubrics,
    /// schedules) cross grain calls and land in grain storage as System.Text.Json. Every silo and client
    /// must register this, or calls carrying domain types fail to serialize.
    /// </summary>
    public static ISerializerBuilder AddDomainTypes(this ISerializerBuilder serializer) =>
        serializer.AddJsonSerializer(isSupported: IsDomainType);

    public static bool IsDomainType(Type type) =>
        type.Namespace?.StartsWith("CitySpiritAwards.Domain", StringComparison.Ordinal) == true;
}
