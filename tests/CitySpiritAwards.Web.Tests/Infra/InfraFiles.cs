using System.Text.RegularExpressions;
using CitySpiritAwards.Grains.Voting;
using CitySpiritAwards.Testing;
using CitySpiritAwards.Web.Hosting;
using CitySpiritAwards.Web.Identity;
using CitySpiritAwards.Web.Identity.Email;
using CitySpiritAwards.Web.Voting;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;

namespace CitySpiritAwards.Web.Tests.Infra;

/// <summary>
/// The deployment files under infra/, read without Docker or Kubernetes: YAML through YamlDotNet (merge keys resolved), the
/// Dockerfile and nginx.conf by their plain line syntax. YAML nodes come back as dictionaries, lists and strings.
/// </summary>
public static partial class InfraFiles
{
    public static string Infra => Path.Combine(RepositoryPaths.Root, "infra");

    public static string ComposeFile => Path.Combine(Infra, "compose", "compose.yaml");

    public static string DockerFile => Path.Combine(Infra, "docker", "Dockerfile");

    public static string NginxFile => Path.Combine(Infra, "compose", "nginx.conf");

    public static IReadOnlyList<string> KubernetesFiles => Directory.GetFiles(Path.Combine(Infra, "k8s"), "*.yaml").Order().ToList();

    /// <summary>Every document of a YAML file; throws with the line and column of the first error.</summary>
    public static IReadOnlyList<Dictionary<object, object>> ReadYaml(string file)
    {
        var deserializer = new DeserializerBuilder().Build();
        using var reader = new StringReader(File.ReadAllText(file));
        var parser = new MergingParser(new Parser(reader));
        parser.Consume<StreamStart>();
        var documents = new List<Dictionary<object, object>>();
        while (parser.Accept<DocumentStart>(out _))
            documents.Add(deserializer.Deserialize<Dictionary<object, object>>(parser) ?? []);
        return documents;
    }

    public static Dictionary<object, object> Map(object? node, string what) =>
        node as Dictionary<object, object> ?? throw new Xunit.Sdk.XunitException($"{what} is not a mapping.");

    public static Dictionary<object, object> Map(Dictionary<object, object> node, params string[] path)
    {
        object current = node;
        foreach (var key in path)
            current = Map(current, key).GetValueOrDefault(key) ?? throw new Xunit.Sdk.XunitException($"'{string.Join('.', path)}' is missing.");
        return Map(current, string.Join('.', path));
    }

    public static List<object> List(Dictionary<object, object> node, string key) =>
        node.GetValueOrDefault(key) as List<object> ?? throw new Xunit.Sdk.XunitException($"'{key}' is not a list.");

    public static string? Text(Dictionary<object, object> node, string key) => node.GetValueOrDefault(key)?.ToString();

    /// <summary>A compose service's or a container's environment, whether written as a mapping or as a list of NAME=value.</summary>
    public static Dictionary<string, string> Environment(Dictionary<object, object> owner)
    {
        return owner.GetValueOrDefault("environment") switch
        {
            Dictionary<object, object> map => map.ToDictionary(e => e.Key.ToString()!, e => e.Value?.ToString() ?? ""),
            List<object> list => list.Select(e => e.ToString()!.Split('=', 2)).ToDictionary(p => p[0], p => p.Length > 1 ? p[1] : ""),
            _ => [],
        };
    }

    /// <summary>A Dockerfile as (instruction, arguments) with continuation lines joined and comments left out.</summary>
    public static IReadOnlyList<(string Instruction, string Arguments)> ReadDockerfile()
    {
        var joined = Regex.Replace(File.ReadAllText(DockerFile), @"\\\r?\n", " ");
        return joined.Split('\n')
            .Select(line => line.Trim())
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split(' ', 2))
            .Select(parts => (parts[0].ToUpperInvariant(), parts.Length > 1 ? parts[1].Trim() : ""))
            .ToList();
    }

    /// <summary>The instructions of the Dockerfile's last stage: what the running image is made of.</summary>
    public static IReadOnlyList<(string Instruction, string Arguments)> FinalStage()
    {
        var all = ReadDockerfile();
        var last = all.Select((step, i) => (step, i)).Last(s => s.step.Instruction == "FROM").i;
        return all.Skip(last).ToList();
    }

    /// <summary>ENV NAME=value pairs of a stage (values without quotes or spaces, as this Dockerfile writes them).</summary>
    public static Dictionary<string, string> DockerEnvironment(IEnumerable<(string Instruction, string Arguments)> stage) =>
        stage.Where(s => s.Instruction == "ENV")
            .SelectMany(s => s.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(p => p[0], p => p.Length > 1 ? p[1] : "");

    /// <summary>The servers (host:port) of each nginx upstream block, and the upstreams proxy_pass sends to.</summary>
    public static (IReadOnlyDictionary<string, IReadOnlyList<string>> Upstreams, IReadOnlyList<string> ProxyPasses, string Text) ReadNginx()
    {
        var text = File.ReadAllText(NginxFile);
        var withoutComments = Regex.Replace(text, "#[^\n]*", "");
        var upstreams = Upstream().Matches(withoutComments).ToDictionary(
            m => m.Groups["name"].Value,
            m => (IReadOnlyList<string>)Server().Matches(m.Groups["body"].Value).Select(s => s.Groups["address"].Value).ToList());
        var passes = ProxyPass().Matches(withoutComments).Select(m => m.Groups["target"].Value).ToList();
        return (upstreams, passes, withoutComments);
    }

    /// <summary>
    /// The configuration keys the app reads ("Section:Key"), from its option classes and the keys its code names; an environment
    /// variable NAME__KEY__0 is the key NAME:KEY (array indexes dropped).
    /// </summary>
    public static IReadOnlySet<string> AppConfigurationKeys { get; } = BuildKeys();

    public static bool IsAppSetting(string environmentVariable)
    {
        if (environmentVariable.StartsWith("ASPNETCORE_", StringComparison.Ordinal) || environmentVariable.StartsWith("DOTNET_", StringComparison.Ordinal))
            return true; // read by the host itself
        var segments = environmentVariable.Split("__").Where(s => !s.All(char.IsAsciiDigit)).ToArray();
        var key = string.Join(':', segments);
        return AppConfigurationKeys.Contains(key) || key.StartsWith("Logging:LogLevel:", StringComparison.OrdinalIgnoreCase);
    }

    private static HashSet<string> BuildKeys()
    {
        var keys = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        void Options(string section, Type type)
        {
            foreach (var property in type.GetProperties().Where(p => p.CanWrite))
                keys.Add($"{section}:{property.Name}");
        }
        Options(HostingOptions.Section, typeof(HostingOptions));
        Options(AccountOptions.Section, typeof(AccountOptions));
        Options(SmtpOptions.Section, typeof(SmtpOptions));
        Options(VotingOptions.Section, typeof(VotingOptions));
        Options(ClusterMembership.Section, typeof(Orleans.Configuration.ClusterMembershipOptions));
        keys.UnionWith(
        [
            "ConnectionStrings:Postgres", "ConnectionStrings:Blobs",          // HostingOptions.PostgresConnectionString, BlobConnectionString
            IdentityExtensions.BootstrapAdminEmailKey, IdentityExtensions.BootstrapAdminPasswordKey,
            "CitySpiritAwards:SeedDemo", "CitySpiritAwards:SeedsPath",        // SeedLoader, SeedingExtensions
            "Orleans:ClusterId", "Orleans:ServiceId", "Orleans:SiloPort", "Orleans:GatewayPort", "Orleans:AdvertisedIP",
            "Orleans:ListenOnAnyHostAddress",                                 // OrleansHosting
            KubernetesHosting.Setting,
            // Read by Orleans' Kubernetes agent when KubernetesHosting turns it on.
            Orleans.Hosting.Kubernetes.KubernetesHostingOptions.PodNameEnvironmentVariable,
            Orleans.Hosting.Kubernetes.KubernetesHostingOptions.PodNamespaceEnvironmentVariable,
            "Logging:Json", "Hangfire:WorkerCount", "Proxy:TrustedNetworks",  // Logging, HangfireHosting, Extensions
            BenchEndpoints.Setting,
        ]);
        return keys;
    }

    [GeneratedRegex(@"upstream\s+(?<name>[\w-]+)\s*\{(?<body>[^}]*)\}")]
    private static partial Regex Upstream();

    [GeneratedRegex(@"^\s*server\s+(?<address>[\w.-]+:\d+)", RegexOptions.Multiline)]
    private static partial Regex Server();

    [GeneratedRegex(@"proxy_pass\s+http://(?<target>[\w.-]+)\s*;")]
    private static partial Regex ProxyPass();
}
