namespace CitySpiritAwards.Web.Identity;

/// <summary>
/// The passwords people choose most, from <c>common-passwords.txt</c> beside the app (one a line, <c>#</c> for comments), which
/// guessing attacks try first. Read once, on first use; compared case-insensitively, since "Password1234" is guessed as early.
/// </summary>
public sealed class CommonPasswords
{
    public const string FileName = "common-passwords.txt";

    private readonly Lazy<HashSet<string>> _passwords;

    public CommonPasswords() : this(Path.Combine(AppContext.BaseDirectory, "Identity", FileName))
    {
    }

    public CommonPasswords(string path) => _passwords = new(() => Read(path));

    public bool Contains(string password) => _passwords.Value.Contains(password.Trim());

    private static HashSet<string> Read(string path)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException($"The list of common passwords is missing: {path} should be copied beside the app.", path);
        return File.ReadLines(path)
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
    }
}
