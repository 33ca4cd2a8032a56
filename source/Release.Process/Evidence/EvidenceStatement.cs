using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Release.Process.Evidence;

/// <summary>
/// The in-toto Statement (v1) that an evidence bundle's signature covers: <c>_type</c>
/// <c>https://in-toto.io/Statement/v1</c>, one <c>subject</c> per evidence file (its path and SHA-256), and the
/// <see cref="PredicateType"/> predicate naming the release and its manifest hash. Signed in a
/// <see cref="DsseEnvelope"/> of payload type <see cref="PayloadType"/>.
/// </summary>
public static class EvidenceStatement
{
    /// <summary>The DSSE payload type of in-toto statements.</summary>
    public const string PayloadType = "application/vnd.in-toto+json";

    /// <summary>The statement type of in-toto v1.</summary>
    public const string StatementType = "https://in-toto.io/Statement/v1";

    /// <summary>This library's predicate: the evidence manifest of one release.</summary>
    public const string PredicateType = "urn:release:evidence-manifest:v1";

    /// <summary>The statement for <paramref name="manifest"/>, as the bytes that are signed.</summary>
    public static byte[] Create(EvidenceManifest manifest)
    {
        var statement = new JsonObject
        {
            ["_type"] = StatementType,
            ["subject"] = new JsonArray(manifest.Files.Select(f => (JsonNode)new JsonObject
            {
                ["name"] = f.Path, ["digest"] = new JsonObject { ["sha256"] = f.Sha256 },
            }).ToArray()),
            ["predicateType"] = PredicateType,
            ["predicate"] = new JsonObject { ["releaseId"] = manifest.ReleaseId, ["manifestHash"] = manifest.Hash },
        };
        return Encoding.UTF8.GetBytes(statement.ToJsonString());
    }

    /// <summary>What a signed statement says: the release, the manifest hash and every file's SHA-256; null when it is not one of ours.</summary>
    public static (string ReleaseId, string ManifestHash, IReadOnlyDictionary<string, string> Files)? Read(byte[] payload)
    {
        try
        {
            var root = JsonNode.Parse(payload)!.AsObject();
            if ((string?)root["_type"] != StatementType || (string?)root["predicateType"] != PredicateType) return null;
            var files = root["subject"]!.AsArray()
                .ToDictionary(s => (string)s!["name"]!, s => (string)s!["digest"]!["sha256"]!, StringComparer.Ordinal);
            return ((string)root["predicate"]!["releaseId"]!, (string)root["predicate"]!["manifestHash"]!, files);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or NullReferenceException or ArgumentException or FormatException)
        {
            return null;
        }
    }
}
