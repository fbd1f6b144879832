using CitySpiritAwards.Web.Hosting;

namespace CitySpiritAwards.Web.Identity.Sms;

public static class SmsExtensions
{
    public const string ProviderKey = "Sms:Provider";

    /// <summary>
    /// <c>Sms:Provider</c> = <c>Aliyun</c> sends through Alibaba Cloud SMS (settings under <c>Sms:Aliyun</c>, all
    /// required); anything else, or nothing, keeps messages in the <c>sms-outbox</c> folder under DataPath.
    /// </summary>
    public static void AddSms(this IServiceCollection services, IConfiguration configuration, HostingOptions hosting)
    {
        if (string.Equals(configuration[ProviderKey], "Aliyun", StringComparison.OrdinalIgnoreCase))
        {
            services.AddOptions<AliyunSmsOptions>().BindConfiguration(AliyunSmsOptions.Section)
                .Validate(o => !string.IsNullOrWhiteSpace(o.AccessKeyId) && !string.IsNullOrWhiteSpace(o.AccessKeySecret)
                               && !string.IsNullOrWhiteSpace(o.SignName) && !string.IsNullOrWhiteSpace(o.TemplateCode)
                               && Uri.TryCreate(o.Endpoint, UriKind.Absolute, out _),
                    "Sms:Aliyun needs AccessKeyId, AccessKeySecret, SignName, TemplateCode and an absolute Endpoint.")
                .ValidateOnStart();
            services.AddHttpClient<ISmsSender, AliyunSmsSender>(client => client.Timeout = TimeSpan.FromSeconds(10));
        }
        else
        {
            services.AddSingleton<ISmsSender>(sp => new OutboxSmsSender(
                hosting.DataFolder("sms-outbox"), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<OutboxSmsSender>>()));
        }
    }
}
