namespace Release.Testing.Npm;

/// <summary>
/// Validates CycloneDX JSON against the official 1.6 JSON schema with the CycloneDX project's own validator
/// (npm <c>@cyclonedx/cyclonedx-library</c> 10.3.0, strict JSON validation through ajv), installed once into a cache.
/// </summary>
public static class CycloneDxSchema
{
    private static readonly string[] Packages =
        ["@cyclonedx/cyclonedx-library@10.3.0", "ajv@8.20.0", "ajv-formats@3.0.1", "ajv-formats-draft2019@1.6.1"];

    // Prints "valid", or the schema errors as JSON and exits 1.
    private const string Script = """
        const { Validation, Spec } = require('@cyclonedx/cyclonedx-library');
        const fs = require('fs');
        new Validation.JsonStrictValidator(Spec.Version.v1dot6).validate(fs.readFileSync(process.argv[2], 'utf8'))
          .then(r => { if (r === null) { console.log('valid'); } else { console.log(JSON.stringify(r, null, 1)); process.exit(1); } })
          .catch(e => { console.error(e); process.exit(2); });
        """;

    /// <summary>Validates the file; returns (true, "valid") or (false, the schema's error list).</summary>
    /// <param name="path">A CycloneDX JSON file.</param>
    public static async Task<(bool Valid, string Output)> ValidateAsync(string path)
    {
        var home = await NpmPackages.EnsureInstalledAsync("cyclonedx-library-10.3.0", Packages, "node_modules/@cyclonedx/cyclonedx-library/package.json");
        var script = Path.Combine(home, "validate-1.6.js");
        if (!File.Exists(script)) await File.WriteAllTextAsync(script, Script);
        var (exitCode, output) = await NpmPackages.RunAsync("node", [script, Path.GetFullPath(path)], home);
        return (exitCode == 0 && output.Trim() == "valid", output);
    }
}
