using System.Text;
using Release.Engine;

namespace Release.CI.Tests.Support;

/// <summary>
/// A <c>build.sh</c> standing in for the real bootstrap: it parses the same command line, and for each named target
/// checks that the files of the targets it consumes are present, writes the files it produces, and records what it
/// did in a log outside the repository. A target listed in <c>RELEASE_FAIL</c> fails.
/// </summary>
public static class BootstrapStub
{
    /// <summary>The concrete file a produced glob stands for: each '*' becomes the target name.</summary>
    public static string FileFor(string glob, string target) => glob.Replace("**", target).Replace("*", target);

    public static string Script(TargetGraph graph, string logFile)
    {
        var script = new StringBuilder();
        script.Append("#!/usr/bin/env bash\nset -euo pipefail\n");
        script.Append($"log='{logFile}'\n");
        script.Append("targets=()\nwhile [ $# -gt 0 ]; do\n  case \"$1\" in\n    --skip) shift ;;\n    --partition) echo \"$CI_JOB_NAME partition $2\" >> \"$log\"; shift 2 ;;\n    *) targets+=(\"$1\"); shift ;;\n  esac\ndone\n");
        foreach (var target in graph.Targets)
        {
            script.Append($"run_{target.Name}() {{\n");
            foreach (var link in target.ConsumesArtifacts)
                foreach (var glob in graph.Find(link.Producer)!.Produces)
                {
                    var file = FileFor(glob, link.Producer);
                    script.Append($"  if [ -f '{file}' ]; then echo \"$CI_JOB_NAME {target.Name} saw {file}\" >> \"$log\"; else echo \"{target.Name}: missing {file}\" >&2; exit 3; fi\n");
                }
            script.Append($"  if [[ \" ${{RELEASE_FAIL:-}} \" == *\" {target.Name} \"* ]]; then echo \"$CI_JOB_NAME {target.Name} failed\" >> \"$log\"; exit 1; fi\n");
            foreach (var glob in target.Produces)
            {
                var file = FileFor(glob, target.Name);
                script.Append($"  mkdir -p \"$(dirname '{file}')\"; echo '{target.Name}' > '{file}'\n");
            }
            script.Append($"  echo \"$CI_JOB_NAME {target.Name} ran\" >> \"$log\"\n}}\n");
        }
        script.Append("for target in \"${targets[@]}\"; do \"run_$target\"; done\n");
        return script.ToString();
    }
}
