using Release.CI.Planning;
using Release.CI.Yaml;

namespace Release.CI.GitLab;

/// <summary>
/// A job's <c>artifacts:</c> node: the files its targets produce, and its reports in GitLab's native report types.
/// Reports are uploaded even when the job fails, which is when test results matter most.
/// </summary>
internal static class GitLabArtifacts
{
    public static YMap? Build(CiJob job)
    {
        var reports = new YMap();
        var all = job.Reports;
        Add(reports, "junit", all.Select(r => r.JUnit));
        var coverage = all.Select(r => r.CoberturaCoverage).FirstOrDefault(p => p is not null);
        if (coverage is not null) reports.Add("coverage_report", new YMap().Add("coverage_format", "cobertura").Add("path", coverage));
        Add(reports, "container_scanning", all.Select(r => r.ContainerScanning));
        Add(reports, "cyclonedx", all.Select(r => r.CycloneDx));
        Add(reports, "dotenv", all.Select(r => r.DotEnv));

        if (job.Produces.Count == 0 && reports.IsEmpty) return null;
        return new YMap()
            .Add("paths", job.Produces.Count > 0 ? YSeq.Of(job.Produces) : null)
            .Add("reports", reports.IsEmpty ? null : reports)
            .Add("when", reports.IsEmpty ? null : "always");
    }

    private static void Add(YMap reports, string key, IEnumerable<string?> paths)
    {
        var list = paths.OfType<string>().Distinct().ToList();
        if (list.Count > 0) reports.Add(key, YSeq.Of(list));
    }
}
