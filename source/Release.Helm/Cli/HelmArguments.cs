namespace Release.Helm.Cli;

/// <summary>Builds helm argument lists from settings. Pure and exhaustively testable; <see cref="HelmCli"/> runs them.</summary>
public static class HelmArguments
{
    /// <summary><c>upgrade --install NAME CHART --namespace NS [--create-namespace] [--atomic] [--wait] --timeout T [--version V] [-f F]… [--set
    /// K=V]…</c></summary>
    public static IReadOnlyList<string> Upgrade(HelmUpgradeSettings settings)
    {
        Require(settings.ReleaseName, "ReleaseName");
        Require(settings.Chart, "Chart");
        Require(settings.Namespace, "Namespace");
        var arguments = new List<string> { "upgrade", "--install", settings.ReleaseName, settings.Chart, "--namespace", settings.Namespace };
        if (settings.CreateNamespace) arguments.Add("--create-namespace");
        if (settings.Atomic) arguments.Add("--atomic");
        if (settings.Wait) arguments.Add("--wait");
        arguments.AddRange(["--timeout", GoDuration.Format(settings.Timeout)]);
        if (settings.Version is not null) arguments.AddRange(["--version", settings.Version]);
        foreach (var file in settings.ValuesFiles) arguments.AddRange(["-f", file]);
        foreach (var value in settings.SetValues) arguments.AddRange([value.ForceString ? "--set-string" : "--set", value.ToArgument()]);
        if (settings.PlainHttp) arguments.Add("--plain-http");
        if (settings.KubeContext is not null) arguments.AddRange(["--kube-context", settings.KubeContext]);
        return arguments;
    }

    /// <summary><c>rollback NAME [REVISION] --namespace NS [--wait] --timeout T</c></summary>
    public static IReadOnlyList<string> Rollback(HelmRollbackSettings settings)
    {
        Require(settings.ReleaseName, "ReleaseName");
        Require(settings.Namespace, "Namespace");
        if (settings.Revision is < 1) throw new ArgumentOutOfRangeException(nameof(settings), settings.Revision, "HelmRollbackSettings.Revision " +
            "must be 1 or more, or null for the previous revision.");
        var arguments = new List<string> { "rollback", settings.ReleaseName };
        if (settings.Revision is { } revision) arguments.Add(revision.ToString(System.Globalization.CultureInfo.InvariantCulture));
        arguments.AddRange(["--namespace", settings.Namespace]);
        if (settings.Wait) arguments.Add("--wait");
        arguments.AddRange(["--timeout", GoDuration.Format(settings.Timeout)]);
        if (settings.KubeContext is not null) arguments.AddRange(["--kube-context", settings.KubeContext]);
        return arguments;
    }

    /// <summary><c>push PACKAGE oci://REGISTRY[/PATH] [--plain-http]</c></summary>
    public static IReadOnlyList<string> Push(HelmPushSettings settings)
    {
        Require(settings.PackagePath, "PackagePath");
        if (!settings.Remote.StartsWith("oci://", StringComparison.Ordinal))
            throw new ArgumentException($"HelmPushSettings.Remote '{settings.Remote}' must start with 'oci://', e.g. " +
                "'oci://registry.local:5000/charts'.", nameof(settings));
        var arguments = new List<string> { "push", settings.PackagePath, settings.Remote };
        if (settings.PlainHttp) arguments.Add("--plain-http");
        return arguments;
    }

    private static void Require(string value, string field)
    {
        if (string.IsNullOrWhiteSpace(value)) throw new ArgumentException($"helm setting '{field}' is empty; set it.", field);
        if (value.StartsWith('-')) throw new ArgumentException($"helm setting '{field}' is '{value}', which helm would read as a flag.", field);
    }
}
