namespace CitySpiritAwards.Web.Identity.Sms;

/// <summary>A verification code for one mainland mobile number (normalised, "+8613812345678").</summary>
public sealed record CodeMessage(string MobileNumber, string Code);

/// <summary>Sends verification codes by SMS. One implementation per way of sending: the outbox folder, or a provider.</summary>
public interface ISmsSender
{
    /// <summary>Sends the code, or throws <see cref="SmsNotSentException"/> when the provider refused it.</summary>
    Task SendCodeAsync(CodeMessage message, CancellationToken ct);
}

/// <summary>The provider did not take the message. The message says the provider's code, never the number.</summary>
public sealed class SmsNotSentException(string message) : Exception(message);
