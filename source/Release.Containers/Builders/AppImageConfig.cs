using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Release.Containers.Builders;

/// <summary>
/// The app image's config, derived from the base's the way the .NET SDK does it (Env, ExposedPorts and Labels
/// inherited; Entrypoint <c>dotnet /app/X.dll</c>, WorkingDir <c>/app/</c>, User from the base's APP_UID), but written
/// in a fixed property order with the given timestamp, so equal inputs give equal bytes.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
internal static class AppImageConfig
{
    /// <summary>Label and annotation key for the reference of the base image.</summary>
    public const string BaseNameLabel = "org.opencontainers.image.base.name";

    /// <summary>Label and annotation key for the digest of the base image's manifest.</summary>
    public const string BaseDigestLabel = "org.opencontainers.image.base.digest";

    // Set here, so the base's values of these keys are not carried over as they are. Cmd goes too: like a
    // Dockerfile ENTRYPOINT, a new entrypoint drops the base's Cmd, which would otherwise become the app's arguments.
    private static readonly HashSet<string> OwnConfigKeys = new(StringComparer.Ordinal)
        { "ExposedPorts", "Labels", "Env", "WorkingDir", "Entrypoint", "Cmd", "User" };

    private static readonly HashSet<string> OwnTopLevelKeys = new(StringComparer.Ordinal)
        { "config", "created", "rootfs", "architecture", "os", "history" };

    /// <summary>The time format of <c>created</c> fields: RFC 3339 in UTC, whole seconds (tar times have no more).</summary>
    public static string FormatTime(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>The config JSON bytes.</summary>
    public static byte[] Create(
        JsonObject baseConfig, IEnumerable<KeyValuePair<string, string>> labels, string baseName, string baseDigest,
        string entryAssembly, DateTimeOffset timestamp, string diffId)
    {
        var created = FormatTime(timestamp);
        var baseSection = baseConfig["config"] as JsonObject ?? new JsonObject();
        var env = baseSection["Env"] is JsonArray baseEnv ? (JsonArray)baseEnv.DeepClone() : new JsonArray();

        var mergedLabels = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (baseSection["Labels"] is JsonObject baseLabels)
        {
            foreach (var (key, value) in baseLabels)
            {
                if (value is JsonValue text && text.GetValueKind() == JsonValueKind.String)
                    mergedLabels[key] = text.GetValue<string>();
            }
        }
        foreach (var (key, value) in labels)
            mergedLabels[key] = value;
        mergedLabels[BaseNameLabel] = baseName;
        mergedLabels[BaseDigestLabel] = baseDigest;

        var section = new JsonObject();
        if (baseSection["ExposedPorts"] is JsonObject ports)
            section["ExposedPorts"] = Sorted(ports);
        section["Labels"] = new JsonObject(mergedLabels.Select(l => KeyValuePair.Create(l.Key, (JsonNode?)l.Value)));
        section["Env"] = env;
        section["WorkingDir"] = $"/{AppLayer.ImageDirectory}/";
        section["Entrypoint"] = new JsonArray("dotnet", $"/{AppLayer.ImageDirectory}/{entryAssembly}");
        // The .NET SDK runs the app as the unprivileged user the base names in APP_UID; so do we.
        if ((AppUid(env) ?? StringValue(baseSection["User"])) is { Length: > 0 } user)
            section["User"] = user;
        foreach (var (key, value) in baseSection.Where(p => !OwnConfigKeys.Contains(p.Key)).OrderBy(p => p.Key, StringComparer.Ordinal))
            section[key] = value?.DeepClone();

        var diffIds = (baseConfig["rootfs"] as JsonObject)?["diff_ids"] is JsonArray baseDiffIds
            ? (JsonArray)baseDiffIds.DeepClone()
            : new JsonArray();
        diffIds.Add(diffId);
        var history = baseConfig["history"] is JsonArray baseHistory ? (JsonArray)baseHistory.DeepClone() : new JsonArray();
        history.Add(new JsonObject
        {
            ["created"] = created,
            // No host path here: the publish folder's location differs between machines and would change the digest.
            [
                "created_by"] = $"Release.Containers AppImageBuilder: app layer /{AppLayer.ImageDirectory}/, entrypoint dotnet " +
                    $"/{AppLayer.ImageDirectory}/{entryAssembly}",
        });

        var config = new JsonObject
        {
            ["config"] = section,
            ["created"] = created,
            ["rootfs"] = new JsonObject { ["type"] = "layers", ["diff_ids"] = diffIds },
            ["architecture"] = baseConfig["architecture"]?.DeepClone(),
            ["os"] = baseConfig["os"]?.DeepClone(),
        };
        // Whatever else the base states (variant, os.version, author...) stays true of the app image.
        foreach (var (key, value) in baseConfig.Where(p => !OwnTopLevelKeys.Contains(p.Key)).OrderBy(p => p.Key, StringComparer.Ordinal))
            config[key] = value?.DeepClone();
        config["history"] = history;
        return JsonSerializer.SerializeToUtf8Bytes(config);
    }

    private static string? AppUid(JsonArray env)
    {
        const string prefix = "APP_UID=";
        var entry = env.Select(StringValue).LastOrDefault(e => e is not null && e.StartsWith(prefix, StringComparison.Ordinal));
        return entry is not null && entry.Length > prefix.Length ? entry[prefix.Length..] : null;
    }

    private static string? StringValue(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    private static JsonObject Sorted(JsonObject source) =>
        new(source.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone())));
}
