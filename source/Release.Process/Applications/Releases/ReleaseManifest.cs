using Release.Foundation.Oci;
using System.Text;
using Release.Process.Evidence;
using Release.Process.Promotion;
using Release.SemVer;

namespace Release.Process.Applications.Releases;

/// <summary>
/// An application release: the application's own version and every module's pinned version, image digest and chart
/// digest. It is content-addressed: <see cref="Digest"/> is the SHA-256 of <see cref="Canonical"/>, so the digest names
/// the set, and votes, the blessing and promotions that name it name exactly these artefacts.
/// </summary>
/// <remarks>
/// The canonical form is line text, one fact a line, modules sorted by name (ignoring case, then ordinal), every line
/// ending in <c>\n</c>; names carry no white space, so no escaping is needed and one set has exactly one form:
/// <code>
/// release-manifest/v1
/// application shop
/// version 2.3.0
/// module api 1.4.0 sha256:… sha256:…
/// </code>
/// Module pins are ordered <c>module NAME VERSION IMAGE-DIGEST CHART-DIGEST</c>.
/// </remarks>
public sealed class ReleaseManifest
{
    /// <summary>The first line of the canonical form: the format and its version.</summary>
    public const string Header = "release-manifest/v1";

    private ReleaseManifest(string application, SemanticVersion version, IReadOnlyList<ModulePin> modules)
    {
        Application = application;
        Version = version;
        Modules = modules;
        Canonical = Render();
        Digest = OciDigest.Parse("sha256:" + Sha256Hex.Of(Canonical), "Release manifest digest");
    }

    /// <summary>The application's name.</summary>
    public string Application { get; }

    /// <summary>The application release's own version.</summary>
    public SemanticVersion Version { get; }

    /// <summary>Every module's pin, sorted by module name.</summary>
    public IReadOnlyList<ModulePin> Modules { get; }

    /// <summary>The one text form of this set; what <see cref="Digest"/> hashes.</summary>
    public string Canonical { get; }

    /// <summary>The set's name: <c>sha256:</c> and the SHA-256 of <see cref="Canonical"/> (UTF-8).</summary>
    public OciDigest Digest { get; }

    /// <summary>How people name the release: <c>shop 2.3.0 (sha256:1234abcd…)</c>.</summary>
    public string Title => $"{Application} {Version} ({Digest.Value[..15]}…)";

    /// <summary>The pin of <paramref name="module"/> (ignoring case), or null when the set has no such module.</summary>
    public ModulePin? PinOf(string module) => Modules.FirstOrDefault(p => string.Equals(p.Module, module, StringComparison.OrdinalIgnoreCase));

    /// <summary>Makes a manifest, checking names and that each module appears once.</summary>
    /// <param name="application">The application's name (no white space).</param>
    /// <param name="version">The application release's version.</param>
    /// <param name="modules">The pins, in any order.</param>
    /// <exception cref="ReleaseSetException">A name is empty or holds white space, a module appears twice, or there is no module.</exception>
    public static ReleaseManifest Create(string application, SemanticVersion version, IEnumerable<ModulePin> modules)
    {
        ArgumentNullException.ThrowIfNull(version);
        var problems = new List<string>();
        CheckName(application, "Application name", problems);
        var pins = modules.ToList();
        foreach (var pin in pins) CheckName(pin.Module, $"Module name in release {application} {version}", problems);
        foreach (var twice in pins.GroupBy(p => p.Module, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
            problems.Add($"Release {application} {version} pins module '{twice.Key}' {twice.Count()} times: a set holds each module once.");
        if (pins.Count == 0)
            problems.Add($"Release {application} {version} pins no module: an application release pins every module of the application.");
        if (problems.Count > 0) throw new ReleaseSetException(problems);
        var sorted = pins.OrderBy(p => p.Module, StringComparer.OrdinalIgnoreCase).ThenBy(p => p.Module, StringComparer.Ordinal).ToList();
        return new ReleaseManifest(application, version, sorted);
    }

    /// <summary>
    /// Reads a manifest from its canonical form, and checks it is that form exactly (a text that reads as a set but is
    /// written another way is refused, so one set never has two digests).
    /// </summary>
    /// <param name="text">The canonical text.</param>
    /// <param name="source">Where the text came from (a file, a record), named in errors.</param>
    /// <exception cref="ReleaseSetException">The text is not a canonical release manifest; the message names the line.</exception>
    public static ReleaseManifest Parse(string text, string source)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.Split('\n');
        string Fail(int line, string what) => throw new ReleaseSetException([
            $"{source}, line {line}: {what}. A release manifest is written by the release commands; make it again rather than editing it."]);
        if (lines.Length < 4 || lines[0] != Header) Fail(1, $"expected '{Header}'");
        var application = Field(lines[1], "application", 2, Fail);
        var versionText = Field(lines[2], "version", 3, Fail);
        if (!SemanticVersion
            .TryParse(versionText, out var version, out var versionError)) Fail(3, $"'{versionText}' is not a version ({versionError})");
        var pins = new List<ModulePin>();
        for (var i = 3; i < lines.Length - 1; i++)
        {
            var parts = lines[i].Split(' ');
            if (parts.Length != 5 || parts[0] != "module") Fail(i + 1, "expected 'module NAME VERSION IMAGE-DIGEST CHART-DIGEST'");
            if (!SemanticVersion.TryParse(parts[2], out var moduleVersion, out var error)) Fail(i + 1, $"'{parts[2]}' is not a version ({error})");
            try
            {
                pins.Add(new ModulePin(parts[1], moduleVersion!, OciDigest.Parse(parts[3], $"Image digest of module '{parts[1]}'"),
                    OciDigest.Parse(parts[4], $"Chart digest of module '{parts[1]}'")));
            }
            catch (ArgumentException e)
            {
                Fail(i + 1, e.Message.TrimEnd('.'));
            }
        }
        if (lines[^1].Length != 0) Fail(lines.Length, "the text must end with a line break");
        ReleaseManifest manifest;
        try
        {
            manifest = Create(application, version!, pins);
        }
        catch (ReleaseSetException e)
        {
            throw new ReleaseSetException(e.Problems.Select(p => $"{source}: {p}").ToList());
        }
        if (!string.Equals(manifest.Canonical, text, StringComparison.Ordinal))
            Fail(1, "the text is not in canonical form (modules sorted by name, one space between fields, versions as written by the tools)");
        return manifest;
    }

    /// <inheritdoc />
    public override string ToString() => Title;

    private string Render()
    {
        var text = new StringBuilder();
        text.Append(Header).Append('\n');
        text.Append("application ").Append(Application).Append('\n');
        text.Append("version ").Append(Version).Append('\n');
        foreach (var pin in Modules)
            text.Append("module ").Append(pin.Module).Append(' ').Append(pin.Version).Append(' ')
                .Append(pin.ImageDigest.Value).Append(' ').Append(pin.ChartDigest.Value).Append('\n');
        return text.ToString();
    }

    private static string Field(string line, string name, int number, Func<int, string, string> fail) =>
        line.StartsWith(name + " ", StringComparison.Ordinal) && line.Length > name.Length + 1
            ? line[(name.Length + 1)..]
            : fail(number, $"expected '{name} …'");

    private static void CheckName(string? name, string field, List<string> problems)
    {
        if (string.IsNullOrEmpty(name) || name.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
            problems.Add($"{field} '{name}' is empty or holds white space: use the name the application declares (letters, digits, '-', '.', '_').");
    }
}
