namespace Release.Scanning.Reports;

/// <summary>
/// Where a package sits in the scanned manifest text, as a SARIF region: the line and columns of its
/// <c>"Name/Version"</c> key in project.assets.json (matched without regard to case, as NuGet ids are).
/// </summary>
/// <param name="StartLine">1-based line.</param>
/// <param name="StartColumn">1-based column of the opening quote.</param>
/// <param name="EndColumn">1-based column just after the closing quote.</param>
public sealed record ArtifactRegion(int StartLine, int StartColumn, int EndColumn)
{
    /// <summary>The region of the first <c>"name/version"</c> key in <paramref name="manifest"/>; null when it is not there.</summary>
    /// <param name="manifest">The manifest text.</param>
    /// <param name="name">The package id.</param>
    /// <param name="version">The package version.</param>
    public static ArtifactRegion? Find(string manifest, string name, string version)
    {
        var key = $"\"{name}/{version}\"";
        var index = manifest.IndexOf(key, StringComparison.OrdinalIgnoreCase);
        if (index < 0) return null;
        var lineStart = manifest.LastIndexOf('\n', Math.Max(index - 1, 0)) + 1;
        var line = 1 + manifest.AsSpan(0, index).Count('\n');
        var column = index - lineStart + 1;
        return new ArtifactRegion(line, column, column + key.Length);
    }
}
