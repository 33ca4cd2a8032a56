namespace Release.Testing.Npm;

/// <summary>
/// Checks Flux manifests against Flux's own CRD schemas as npm <c>@kubernetes-models/flux-cd</c> 4.0.0 ships them
/// (installed once into a cache, with <c>yaml</c> to read the files). Documents of other API groups (ConfigMap,
/// kustomize) are skipped: only the Flux kinds are checked.
/// </summary>
public static class FluxSchemas
{
    private static readonly string[] Packages = ["@kubernetes-models/flux-cd@4.0.0", "yaml@2.6.0"];

    // Prints "checked KIND apiVersion" per Flux document; exits 1 with the schema error on the first invalid one.
    private const string Script = """
        import { readFileSync } from 'node:fs';
        import { parseAllDocuments } from 'yaml';
        for (const file of process.argv.slice(2)) {
          for (const document of parseAllDocuments(readFileSync(file, 'utf8'))) {
            const manifest = document.toJSON();
            if (!manifest || !/\.toolkit\.fluxcd\.io\//.test(manifest.apiVersion ?? '')) continue;
            const models = await import('@kubernetes-models/flux-cd/' + manifest.apiVersion);
            const Kind = models[manifest.kind];
            if (!Kind) { console.log(`unknown kind ${manifest.kind} in ${manifest.apiVersion} (${file})`); process.exit(1); }
            try { new Kind(manifest).validate(); } catch (e) { console.log(`${file}: ${manifest.kind} ${manifest.apiVersion}: ${e.message}`); process.exit(1); }
            console.log(`checked ${manifest.kind} ${manifest.apiVersion}`);
          }
        }
        """;

    /// <summary>Validates every Flux document in <paramref name="files"/>; returns node's exit code and output.</summary>
    /// <param name="files">YAML manifest files.</param>
    public static async Task<(int ExitCode, string Output)> ValidateAsync(params string[] files)
    {
        var home = await NpmPackages.EnsureInstalledAsync("flux-cd-4.0.0", Packages, "node_modules/@kubernetes-models/flux-cd/package.json");
        var script = Path.Combine(home, "validate-flux.mjs");
        if (!File.Exists(script)) await File.WriteAllTextAsync(script, Script);
        return await NpmPackages.RunAsync("node", [script, .. files.Select(Path.GetFullPath)], home);
    }
}
