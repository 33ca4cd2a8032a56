namespace Release.Releasing.Common;

/// <summary>
/// The form of <c>--release</c> as its declaration checks it: a SemVer 2.0.0 version, optionally after a <c>v</c>,
/// written so that .NET and JSON Schema read the expression alike. <see cref="ReleaseSelection"/> parses it fully.
/// </summary>
internal static class ReleaseVersionPattern
{
    public const string Expression =
        "^[vV]?(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)(-[0-9A-Za-z-]+(\\.[0-9A-Za-z-]+)*)?(\\+[0-9A-Za-z-]+(\\.[0-9A-Za-z-]+)*)?$";

    public const string Description = "a SemVer version like 1.4.0 or 1.5.0-rc.1 (leave --release out to act on the version this build computed)";
}
