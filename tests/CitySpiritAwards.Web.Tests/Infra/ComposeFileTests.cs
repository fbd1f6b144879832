using System.Text.RegularExpressions;
using CitySpiritAwards.Testing;
using static CitySpiritAwards.Web.Tests.Infra.InfraFiles;

namespace CitySpiritAwards.Web.Tests.Infra;

/// <summary>
/// infra/compose (compose.yaml, nginx.conf) and infra/docker/Dockerfile checked without Docker: they parse, name the services the
/// README promises, and agree with each other and with the app's configuration keys, ports and health endpoints.
/// </summary>
public sealed class ComposeFileTests
{
    private static readonly string[] WebInstances = ["web1", "web2", "web3"];

    private static Dictionary<object, object> Services => Map(Assert.Single(ReadYaml(ComposeFile)), "services");

    private static Dictionary<object, object> Service(string name) => Map(Services, name);

    /// <summary>What a web container runs with: the image's ENV, then the service's environment over it.</summary>
    private static Dictionary<string, string> WebEnvironment(string service)
    {
        var environment = DockerEnvironment(FinalStage());
        foreach (var (key, value) in Environment(Service(service)))
            environment[key] = value;
        return environment;
    }

    private static int ImageHttpPort => int.Parse(Regex.Match(DockerEnvironment(FinalStage())["ASPNETCORE_URLS"], @":(\d+)$").Groups[1].Value);

    [Fact]
    public void It_runs_PostgreSQL_Azurite_a_migrate_step_three_web_instances_and_the_proxy()
    {
        Assert.Equal(["azurite", "migrate", "postgres", "proxy", "web1", "web2", "web3"], Services.Keys.Select(k => k.ToString()!).Order());
        foreach (var name in WebInstances.Append("migrate"))
        {
            var build = Map(Service(name), "build");
            Assert.Equal("infra/docker/Dockerfile", Text(build, "dockerfile"));
            Assert.Equal(RepositoryPaths.Root, Path.GetFullPath(Path.Combine(Path.GetDirectoryName(ComposeFile)!, Text(build, "context")!)).TrimEnd('/'));
        }
        Assert.Equal(["migrate"], List(Service("migrate"), "command").Select(c => c.ToString()));
        Assert.Equal("service_healthy", Text(Map(Service("migrate"), "depends_on", "postgres"), "condition"));
        foreach (var web in WebInstances)
            Assert.Equal("service_completed_successfully", Text(Map(Service(web), "depends_on", "migrate"), "condition"));
    }

    [Fact]
    public void Every_setting_is_a_key_the_app_reads_and_each_instance_has_what_cluster_mode_needs()
    {
        var unknown = Services.Keys.Select(k => k.ToString()!).Where(s => s is "migrate" || s.StartsWith("web"))
            .SelectMany(s => Environment(Service(s)).Keys.Select(key => (Service: s, Key: key)))
            .Concat(DockerEnvironment(FinalStage()).Keys.Select(key => (Service: "Dockerfile", Key: key)))
            .Where(setting => !IsAppSetting(setting.Key))
            .ToList();
        Assert.True(unknown.Count == 0, $"Settings the app does not read: {string.Join(", ", unknown)}");

        var postgres = Environment(Service("postgres"));
        var advertised = new HashSet<string>();
        foreach (var web in WebInstances)
        {
            var environment = WebEnvironment(web);
            Assert.Equal("Cluster", environment["CitySpiritAwards__Mode"]);
            Assert.Equal("false", environment["CitySpiritAwards__MigrateOnStartup"]); // the migrate service does it once
            var database = environment["ConnectionStrings__Postgres"];
            Assert.Contains("Host=postgres", database);
            Assert.Contains($"Username={postgres["POSTGRES_USER"]}", database);
            Assert.Contains($"Password={postgres["POSTGRES_PASSWORD"]}", database);
            Assert.Contains($"Database={postgres["POSTGRES_DB"]}", database);
            Assert.Contains("BlobEndpoint=http://azurite:10000/", environment["ConnectionStrings__Blobs"]);
            Assert.True(int.TryParse(environment["Orleans__SiloPort"], out _) && int.TryParse(environment["Orleans__GatewayPort"], out _));

            // Each silo advertises the fixed address the others reach it at, its own on the compose network.
            var address = environment["Orleans__AdvertisedIP"];
            Assert.Equal(address, Text(Map(Service(web), "networks", "awards"), "ipv4_address"));
            Assert.True(advertised.Add(address), $"{web} advertises {address}, as another instance does.");
        }
        var subnet = Text(Map(Assert.Single(List(Map(Map(Assert.Single(ReadYaml(ComposeFile)), "networks"), "awards", "ipam"), "config")), "config"), "subnet");
        Assert.All(WebInstances, web => Assert.Equal(subnet, WebEnvironment(web)["Proxy__TrustedNetworks__0"]));
        Assert.All(advertised, address => Assert.True(System.Net.IPNetwork.Parse(subnet!).Contains(System.Net.IPAddress.Parse(address))));
    }

    [Fact]
    public void The_migrate_step_gets_the_database_and_the_first_administrator()
    {
        // Instances start with MigrateOnStartup=false, so the bootstrap administrator is created by the migrate step or never.
        var migrate = Environment(Service("migrate"));

        Assert.Equal(WebEnvironment("web1")["ConnectionStrings__Postgres"], migrate["ConnectionStrings__Postgres"]);
        Assert.Equal(Environment(Service("web1"))["Bootstrap__AdminEmail"], migrate.GetValueOrDefault("Bootstrap__AdminEmail"));
        Assert.Equal(Environment(Service("web1"))["Bootstrap__AdminPassword"], migrate.GetValueOrDefault("Bootstrap__AdminPassword"));
    }

    [Fact]
    public void Each_instance_is_healthy_only_when_ready_by_a_tool_the_image_has()
    {
        foreach (var web in WebInstances)
        {
            var command = string.Join(' ', List(Map(Service(web), "healthcheck"), "test").Skip(1));
            Assert.Contains($"http://localhost:{ImageHttpPort}/health/ready", command);
            var tool = command.Split(' ')[0];
            var installed = FinalStage().Any(s => s.Instruction == "RUN" && s.Arguments.Contains("install") && Regex.IsMatch(s.Arguments, $@"\b{Regex.Escape(tool)}\b"));
            Assert.True(installed, $"{web}'s health check runs {tool}, which the Dockerfile's final stage does not install (the aspnet image has neither curl nor wget).");
        }
    }

    [Fact]
    public void Nginx_spreads_requests_over_the_three_instances_at_their_HTTP_port()
    {
        var (upstreams, passes, text) = ReadNginx();

        var target = Assert.Single(passes.Distinct());
        Assert.True(upstreams.ContainsKey(target), $"proxy_pass names '{target}', which is no upstream.");
        Assert.Equal(WebInstances.Select(w => $"{w}:{ImageHttpPort}"), upstreams[target].Order());
        Assert.Contains("proxy_set_header X-Forwarded-For", text);
        Assert.Contains("proxy_set_header X-Forwarded-Proto", text);

        var proxy = Service("proxy");
        Assert.Contains(List(proxy, "volumes"), v => v.ToString()!.StartsWith("./nginx.conf:/etc/nginx/conf.d/", StringComparison.Ordinal));
        Assert.Equal(WebInstances, List(proxy, "depends_on").Select(d => d.ToString()!).Order());
        var published = Assert.Single(List(proxy, "ports")).ToString()!;
        Assert.Equal(Regex.Match(text, @"listen\s+(\d+)").Groups[1].Value, published.Split(':')[^1]);
    }

    [Fact]
    public void The_Dockerfile_publishes_the_web_project_runs_its_dll_and_exposes_its_ports()
    {
        var steps = ReadDockerfile();
        var publish = Assert.Single(steps, s => s.Instruction == "RUN" && s.Arguments.Contains("dotnet publish")).Arguments;
        var project = Regex.Match(publish, @"dotnet publish\s+(\S+)").Groups[1].Value;
        Assert.True(File.Exists(Path.Combine(RepositoryPaths.Root, project, "CitySpiritAwards.Web.csproj")), $"dotnet publish {project}: no web project there.");

        var final = FinalStage();
        var dll = typeof(Program).Assembly.GetName().Name + ".dll";
        Assert.Equal($"[\"dotnet\", \"{dll}\"]", Assert.Single(final, s => s.Instruction == "ENTRYPOINT").Arguments);
        var exposed = Assert.Single(final, s => s.Instruction == "EXPOSE").Arguments.Split(' ').Select(int.Parse).ToHashSet();
        var environment = DockerEnvironment(final);
        Assert.Contains(ImageHttpPort, exposed);
        Assert.Contains(int.Parse(environment["Orleans__SiloPort"]), exposed);
        Assert.Contains(int.Parse(environment["Orleans__GatewayPort"]), exposed);
        Assert.Equal("Cluster", environment["CitySpiritAwards__Mode"]);
        Assert.NotEqual("root", Assert.Single(final, s => s.Instruction == "USER").Arguments);
    }

    [Fact]
    public void The_build_context_leaves_out_build_output_local_data_and_node_modules()
    {
        // `COPY . .` sends the whole repository; the Dockerfile's own ignore file keeps host builds, the embedded site's data
        // (accounts, keys) and Azurite's node_modules out of the image and the build.
        var ignore = DockerFile + ".dockerignore";
        Assert.True(File.Exists(ignore), $"{ignore} is missing.");
        var patterns = File.ReadAllLines(ignore).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToHashSet();
        foreach (var needed in new[] { "**/bin", "**/obj", "**/node_modules", "**/data", ".git", ".artifacts" })
            Assert.Contains(needed, patterns);
    }
}
