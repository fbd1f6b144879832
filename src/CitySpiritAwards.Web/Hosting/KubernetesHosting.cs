namespace CitySpiritAwards.Web.Hosting;

/// <summary>
/// Orleans' Kubernetes integration (Microsoft.Orleans.Hosting.Kubernetes), on when "Orleans:Kubernetes" is true, as
/// infra/k8s sets it. A pod that Kubernetes deletes is declared dead at once, without waiting for missed probes; a silo
/// starting finds dead those whose pods are gone; and the pod of a silo Orleans declared dead is deleted, so the Deployment
/// replaces it. It needs the pod labels orleans/serviceId and orleans/clusterId, POD_NAME and POD_NAMESPACE, and a Role
/// on pods (get, list, watch, patch, delete): see the manifest.
/// </summary>
public static class KubernetesHosting
{
    public const string Setting = "Orleans:Kubernetes";

    public static void UseKubernetesWhenConfigured(this ISiloBuilder silo, IConfiguration configuration)
    {
        // Off elsewhere: outside a pod the agent has no API server to talk to and the silo would not start.
        if (!configuration.GetValue(Setting, false))
            return;
        silo.UseKubernetesHosting(options => options.Configure(kubernetes => kubernetes.DeleteDefunctSiloPods = true));
    }
}
