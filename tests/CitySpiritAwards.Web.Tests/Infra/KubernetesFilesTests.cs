using Orleans.Hosting.Kubernetes;
using static CitySpiritAwards.Web.Tests.Infra.InfraFiles;

namespace CitySpiritAwards.Web.Tests.Infra;

/// <summary>
/// infra/k8s checked without a cluster: every document parses and is a known kind, the Deployment probes the app's health
/// endpoints on ports it exposes, and its settings are keys the app reads, agreeing with the image and the Service.
/// </summary>
public sealed class KubernetesFilesTests
{
    private static readonly IReadOnlyList<Dictionary<object, object>> Documents = KubernetesFiles.SelectMany(ReadYaml).ToList();

    private static Dictionary<object, object> Only(string kind) => Assert.Single(Documents, d => Text(d, "kind") == kind);

    private static string NameOf(Dictionary<object, object> document) => Text(Map(document, "metadata"), "name")!;

    private static Dictionary<object, object> PodSpec(Dictionary<object, object> workload) => Map(workload, "spec", "template", "spec");

    private static Dictionary<object, object> WebContainer => Map(Assert.Single(List(PodSpec(Only("Deployment")), "containers")), "container");

    /// <summary>The settings a pod of the Deployment gets from its ConfigMap and Secret (by name, as envFrom lists them).</summary>
    private static Dictionary<string, string> FromEnvFrom(Dictionary<object, object> container)
    {
        var settings = new Dictionary<string, string>();
        foreach (var source in List(container, "envFrom").Select(s => Map(s, "envFrom")))
        {
            var (kind, reference) = source.ContainsKey("configMapRef") ? ("ConfigMap", "configMapRef") : ("Secret", "secretRef");
            var name = Text(Map(source, reference), "name");
            var document = Documents.SingleOrDefault(d => Text(d, "kind") == kind && NameOf(d) == name)
                ?? throw new Xunit.Sdk.XunitException($"envFrom names {kind} '{name}', which no file under infra/k8s defines.");
            foreach (var (key, value) in Map(document, kind == "ConfigMap" ? "data" : "stringData"))
                settings[key.ToString()!] = value?.ToString() ?? "";
        }
        return settings;
    }

    [Fact]
    public void Every_document_parses_and_is_a_kind_the_deployment_uses()
    {
        Assert.NotEmpty(KubernetesFiles);
        Assert.Equal(
            ["ConfigMap", "Deployment", "Job", "Namespace", "PodDisruptionBudget", "Role", "RoleBinding", "Secret", "Service", "ServiceAccount"],
            Documents.Select(d => Text(d, "kind")!).Order());
        var ns = NameOf(Only("Namespace"));
        Assert.All(Documents.Where(d => Text(d, "kind") != "Namespace"), d => Assert.Equal(ns, Text(Map(d, "metadata"), "namespace")));
    }

    [Fact]
    public void The_deployment_is_ready_on_health_ready_and_alive_on_health_live_at_the_images_HTTP_port()
    {
        var container = WebContainer;
        var ports = List(container, "ports").Select(p => Map(p, "port")).ToDictionary(p => Text(p, "name")!, p => int.Parse(Text(p, "containerPort")!));
        var readiness = Map(container, "readinessProbe", "httpGet");
        var liveness = Map(container, "livenessProbe", "httpGet");

        Assert.Equal("/health/ready", Text(readiness, "path"));
        Assert.Equal("/health/live", Text(liveness, "path"));
        var imageHttp = int.Parse(DockerEnvironment(FinalStage())["ASPNETCORE_URLS"].Split(':')[^1]);
        Assert.Equal(imageHttp, ports[Text(readiness, "port")!]);
        Assert.Equal(imageHttp, ports[Text(liveness, "port")!]);
        Assert.Equal("Always", Text(Map(Only("Deployment"), "spec", "template", "spec"), "restartPolicy") ?? "Always");
    }

    [Fact]
    public void Settings_are_keys_the_app_reads_for_cluster_mode_with_the_silo_ports_the_pod_exposes()
    {
        var container = WebContainer;
        var settings = FromEnvFrom(container);
        var own = List(container, "env").Select(e => Map(e, "env")).ToList();

        var unknown = settings.Keys.Concat(own.Select(e => Text(e, "name")!)).Where(key => !IsAppSetting(key)).ToList();
        Assert.True(unknown.Count == 0, $"Settings the app does not read: {string.Join(", ", unknown)}");
        Assert.Equal("Cluster", settings["CitySpiritAwards__Mode"]);
        Assert.Equal("false", settings["CitySpiritAwards__SeedDemo"]);
        Assert.False(string.IsNullOrWhiteSpace(settings["ConnectionStrings__Postgres"]));
        Assert.False(string.IsNullOrWhiteSpace(settings["ConnectionStrings__Blobs"]));
        Assert.True(Uri.TryCreate(settings["Account__PublicOrigin"], UriKind.Absolute, out var origin) && origin.Scheme == "https");

        // Each pod advertises its own IP to the other silos, on the ports it declares.
        var advertised = Assert.Single(own, e => Text(e, "name") == "Orleans__AdvertisedIP");
        Assert.Equal("status.podIP", Text(Map(advertised, "valueFrom", "fieldRef"), "fieldPath"));
        var ports = List(container, "ports").Select(p => int.Parse(Text(Map(p, "port"), "containerPort")!)).ToHashSet();
        Assert.Contains(int.Parse(settings["Orleans__SiloPort"]), ports);
        Assert.Contains(int.Parse(settings["Orleans__GatewayPort"]), ports);
        Assert.Equal("true", settings["Orleans__ListenOnAnyHostAddress"]);
    }

    [Fact]
    public void The_migrate_job_runs_the_same_image_with_the_same_settings_and_creates_the_first_administrator()
    {
        var job = Map(Assert.Single(List(PodSpec(Only("Job")), "containers")), "container");

        Assert.Equal(Text(WebContainer, "image"), Text(job, "image"));
        Assert.Equal(["migrate"], List(job, "args").Select(a => a.ToString()));
        var settings = FromEnvFrom(job);
        Assert.Equal(FromEnvFrom(WebContainer), settings);
        Assert.Equal("false", settings["CitySpiritAwards__MigrateOnStartup"]); // the pods leave it to the job
        Assert.True(settings.ContainsKey("Bootstrap__AdminEmail") && settings.ContainsKey("Bootstrap__AdminPassword"));
    }

    [Fact]
    public void The_service_and_the_disruption_budget_select_the_deployments_pods()
    {
        var deployment = Only("Deployment");
        var labels = Map(deployment, "spec", "template", "metadata", "labels");
        var selector = Map(deployment, "spec", "selector", "matchLabels");
        Assert.Subset(labels.ToHashSet(), selector.ToHashSet());

        var service = Map(Only("Service"), "spec");
        Assert.Equal(selector, Map(service, "selector"));
        var containerPorts = List(WebContainer, "ports").Select(p => Text(Map(p, "port"), "name")).ToHashSet();
        Assert.All(List(service, "ports"), p => Assert.Contains(Text(Map(p, "port"), "targetPort"), containerPorts));

        var budget = Map(Only("PodDisruptionBudget"), "spec");
        Assert.Equal(selector, Map(budget, "selector", "matchLabels"));
        Assert.InRange(int.Parse(Text(budget, "minAvailable")!), 1, int.Parse(Text(Map(deployment, "spec"), "replicas")!) - 1);
    }

    [Fact]
    public void Orleans_Kubernetes_agent_is_on_with_the_pod_labels_names_and_rights_it_needs()
    {
        var settings = FromEnvFrom(WebContainer);
        Assert.Equal("true", settings["Orleans__Kubernetes"]);

        // It lists and watches the pods labelled with the cluster's ServiceId and ClusterId.
        var labels = Map(Only("Deployment"), "spec", "template", "metadata", "labels");
        Assert.Equal(settings["Orleans__ServiceId"], Text(labels, KubernetesHostingOptions.ServiceIdLabel));
        Assert.Equal(settings["Orleans__ClusterId"], Text(labels, KubernetesHostingOptions.ClusterIdLabel));

        // It matches silos to pods by the pod's name, in the pod's namespace.
        var env = List(WebContainer, "env").Select(e => Map(e, "env")).ToDictionary(e => Text(e, "name")!);
        Assert.Equal("metadata.name", Text(Map(env[KubernetesHostingOptions.PodNameEnvironmentVariable], "valueFrom", "fieldRef"), "fieldPath"));
        Assert.Equal("metadata.namespace", Text(Map(env[KubernetesHostingOptions.PodNamespaceEnvironmentVariable], "valueFrom", "fieldRef"), "fieldPath"));

        // The pods run as a service account bound to a Role that may read, watch, label and delete pods (a refused call
        // makes the agent retry at once, for ever, and the silo never starts).
        var account = NameOf(Only("ServiceAccount"));
        Assert.Equal(account, Text(PodSpec(Only("Deployment")), "serviceAccountName"));
        var binding = Only("RoleBinding");
        var subject = Map(Assert.Single(List(binding, "subjects")), "subject");
        Assert.Equal(("ServiceAccount", account), (Text(subject, "kind"), Text(subject, "name")));
        Assert.Equal(Text(Map(Only("Namespace"), "metadata"), "name"), Text(subject, "namespace"));
        var roleRef = Map(binding, "roleRef");
        var role = Only("Role");
        Assert.Equal(("Role", NameOf(role)), (Text(roleRef, "kind"), Text(roleRef, "name")));
        var pods = Map(Assert.Single(List(role, "rules")), "rule");
        Assert.Equal([""], List(pods, "apiGroups").Select(g => g.ToString()));
        Assert.Equal(["pods"], List(pods, "resources").Select(r => r.ToString()));
        Assert.Subset(List(pods, "verbs").Select(v => v.ToString()!).ToHashSet(), new HashSet<string> { "get", "list", "watch", "patch", "delete" });
    }
}
