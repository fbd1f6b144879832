using System.Net;
using System.Net.Sockets;

namespace CitySpiritAwards.Web.Voting;

/// <summary>The network a vote came from, as the fraud signals group it: IPv4 /24, IPv6 /64. Never the full address.</summary>
public static class ClientNetwork
{
    /// <summary>Stored when the connection had no address; the fraud signals leave such votes out of their network rules.</summary>
    public const string Unknown = "unknown";

    public static string Of(IPAddress? address)
    {
        if (address is null)
            return Unknown;
        if (address.IsIPv4MappedToIPv6)
            address = address.MapToIPv4();
        var bytes = address.GetAddressBytes();
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            bytes[3] = 0;
            return new IPAddress(bytes) + "/24";
        }
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
