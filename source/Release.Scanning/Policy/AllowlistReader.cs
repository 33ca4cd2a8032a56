using System.Globalization;

namespace Release.Scanning.Policy;

/// <summary>
/// Reads and validates an allowlist file (JSON or YAML). Every entry must name an advisory id, a reason and an
/// expiry date; an entry that has expired stops the scan, so accepted risks are looked at again.
/// </summary>
public sealed class AllowlistReader(TimeProvider timeProvider)
{
    private static readonly string[] KnownFields = ["id", "reason", "expires", "package"];

    /// <summary>Reads, validates and returns the entries of <paramref name="file"/>.</summary>
    /// <param name="file">A *.json, *.yaml or *.yml allowlist.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <exception cref="AllowlistException">
    /// The file is missing or malformed, an entry lacks a field, has an unknown field or a bad date, or has expired.
    /// The message names the file, the entry (index and id) and the fix.
    /// </exception>
    public async Task<IReadOnlyList<AllowlistEntry>> ReadAsync(string file, CancellationToken cancellationToken)
    {
        if (!File.Exists(file))
        {
            throw new AllowlistException(file, null, $"{file}: allowlist file does not exist. Create it or remove the allowlist option.");
        }

        var text = await File.ReadAllTextAsync(file, cancellationToken).ConfigureAwait(false);
        var today = DateOnly.FromDateTime(timeProvider.GetUtcNow().UtcDateTime);
        var raw = AllowlistDocument.Parse(text, file);
        var entries = new List<AllowlistEntry>(raw.Count);
        for (var index = 0; index < raw.Count; index++)
        {
            entries.Add(Validate(raw[index], index, file, today));
        }

        return entries;
    }

    private static AllowlistEntry Validate(AllowlistDocument.RawEntry raw, int index, string file, DateOnly today)
    {
        var id = Field(raw, "id");
        var where
            = $"{file}{(raw.Line is { } line ? $", line {line}" : string.Empty)}: entries[{index}]{(id is null ? string.Empty : $" (id '{id}')")}";
        var unknown = raw.Fields.Keys.Where(k => !KnownFields.Contains(k, StringComparer.Ordinal)).ToList();
        if (unknown.Count > 0)
        {
            throw new AllowlistException(file, index,
                $"{where}: unknown field(s) {string.Join(", ", unknown.Select(u => $"'{u}'"))}. Valid fields: {string.Join(", ", KnownFields)}. " +
                    $"{AllowlistDocument.Example}");
        }

        foreach (var required in new[] { "id", "reason", "expires" })
        {
            if (Field(raw, required) is null)
            {
                throw new AllowlistException(file, index, $"{where}: missing '{required}'. {AllowlistDocument.Example}");
            }
        }

        var expiresText = Field(raw, "expires")!;
        if (!DateOnly.TryParseExact(expiresText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var expires))
        {
            throw new AllowlistException(file, index, $"{where}: 'expires' is '{expiresText}', not a date. Write it as YYYY-MM-DD, e.g. 2027-01-31.");
        }

        if (expires < today)
        {
            throw new AllowlistException(file, index,
                $"{where}: expired on {expires:yyyy-MM-dd} (today is {today:yyyy-MM-dd}). Upgrade the affected package and remove the entry, " +
                "or, if the risk is still accepted, review it and set a new 'expires' date and a current 'reason'.");
        }

        return new AllowlistEntry(id!, Field(raw, "reason")!, expires, Field(raw, "package"));
    }

    private static string? Field(AllowlistDocument.RawEntry raw, string name) =>
        raw.Fields.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
}
