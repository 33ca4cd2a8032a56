using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Gateway.Tests;

/// <summary>The crossing request against stand-in upstreams that answer as the director and the ledger do.</summary>
public class DeploymentGateTests
{
    private const string Allowed = """{"environment":"staging","at":"2026-11-24T10:00:00+00:00","allowed":true,"reason":"inside a window","nextOpening":null}""";
    private const string Refused = """{"environment":"production","at":"2026-11-24T10:00:00+00:00","allowed":false,"reason":"freeze","nextOpening":null}""";
    private const string Stored = """{"sequence":7,"module":"director","environment":"staging","version":"1.2.0","at":"2026-11-24T10:00:00+00:00"}""";

    [Test]
    public async Task An_allowed_deployment_is_recorded_in_the_ledger()
    {
        var ledger = new Upstream(HttpStatusCode.Created, Stored);
        var result = await Gate(new Upstream(HttpStatusCode.OK, Allowed), ledger).DeployAsync("staging", new("director", "1.2.0", null), default);
        Assert.That(((IStatusCodeHttpResult)result).StatusCode, Is.EqualTo(StatusCodes.Status201Created));
        Assert.That(ledger.Requests, Has.Count.EqualTo(1));
        Assert.That(ledger.Requests[0], Does.Contain("\"module\":\"director\"").And.Contain("\"environment\":\"staging\""));
    }

    [Test]
    public async Task A_refused_deployment_is_409_and_recorded_nowhere()
    {
        var ledger = new Upstream(HttpStatusCode.Created, Stored);
        var result = await Gate(new Upstream(HttpStatusCode.OK, Refused), ledger).DeployAsync("production", new("director", "1.2.0", null), default);
        Assert.That(((IStatusCodeHttpResult)result).StatusCode, Is.EqualTo(StatusCodes.Status409Conflict));
        Assert.That(ledger.Requests, Is.Empty);
    }

    [Test]
    public async Task A_missing_version_is_400()
    {
        var result = await Gate(new Upstream(HttpStatusCode.OK, Allowed), new Upstream(HttpStatusCode.Created, Stored)).DeployAsync("staging", new("director", null, null), default);
        Assert.That(((IStatusCodeHttpResult)result).StatusCode, Is.EqualTo(StatusCodes.Status400BadRequest));
    }

    [Test]
    public async Task An_unknown_environment_is_the_directors_404()
    {
        var result = (ProblemHttpResult)await Gate(new Upstream(HttpStatusCode.NotFound, """{"detail":"Unknown environment 'qa'."}"""), new Upstream(HttpStatusCode.Created, Stored))
            .DeployAsync("qa", new("director", "1.2.0", DateTimeOffset.Parse("2026-11-24T10:00:00Z")), default);
        Assert.That(result.StatusCode, Is.EqualTo(StatusCodes.Status404NotFound));
        Assert.That(result.ProblemDetails.Detail, Is.EqualTo("Unknown environment 'qa'."));
    }

    [Test]
    public async Task A_failing_director_or_an_unreachable_ledger_is_502_naming_it()
    {
        var director = (ProblemHttpResult)await Gate(new Upstream(HttpStatusCode.InternalServerError, "boom"), new Upstream(HttpStatusCode.Created, Stored))
            .DeployAsync("staging", new("director", "1.2.0", null), default);
        Assert.That(director.StatusCode, Is.EqualTo(StatusCodes.Status502BadGateway));
        Assert.That(director.ProblemDetails.Detail, Is.EqualTo("The director answered 500: boom"));

        var ledger = (ProblemHttpResult)await Gate(new Upstream(HttpStatusCode.OK, Allowed), Upstream.Unreachable())
            .DeployAsync("staging", new("director", "1.2.0", null), default);
        Assert.That(ledger.StatusCode, Is.EqualTo(StatusCodes.Status502BadGateway));
        Assert.That(ledger.ProblemDetails.Detail, Does.StartWith("The ledger at http://ledger/ cannot be reached"));

        var refusing = (ProblemHttpResult)await Gate(new Upstream(HttpStatusCode.OK, Allowed), new Upstream(HttpStatusCode.BadRequest, """{"detail":"A deployment needs version."}"""))
            .DeployAsync("staging", new("director", "1.2.0", null), default);
        Assert.That(refusing.ProblemDetails.Detail, Is.EqualTo("The ledger answered 400: A deployment needs version."));
    }

    [Test]
    public async Task Health_names_the_unreachable_dependency()
    {
        var health = new DependencyHealth(new Dictionary<string, HttpClient>
        {
            ["director"] = new(new Upstream(HttpStatusCode.OK, "{}")) { BaseAddress = new Uri("http://director/") },
            ["ledger"] = new(Upstream.Unreachable()) { BaseAddress = new Uri("http://ledger/") },
        });
        var result = (IStatusCodeHttpResult)await health.CheckAsync(default);
        Assert.That(result.StatusCode, Is.EqualTo(StatusCodes.Status503ServiceUnavailable));

        var failing = new DependencyHealth(new Dictionary<string, HttpClient>
        {
            ["director"] = new(new Upstream(HttpStatusCode.ServiceUnavailable, "{}")) { BaseAddress = new Uri("http://director/") },
        });
        Assert.That(((IStatusCodeHttpResult)await failing.CheckAsync(default)).StatusCode, Is.EqualTo(StatusCodes.Status503ServiceUnavailable));

        var healthy = new DependencyHealth(new Dictionary<string, HttpClient>
        {
            ["director"] = new(new Upstream(HttpStatusCode.OK, "{}")) { BaseAddress = new Uri("http://director/") },
        });
        Assert.That(((IStatusCodeHttpResult)await healthy.CheckAsync(default)).StatusCode, Is.EqualTo(StatusCodes.Status200OK));
    }

    private static DeploymentGate Gate(Upstream director, Upstream ledger) =>
        new(new HttpClient(director) { BaseAddress = new Uri("http://director/") }, new HttpClient(ledger) { BaseAddress = new Uri("http://ledger/") });

    /// <summary>Answers every request with one status and body, and keeps the bodies it was sent.</summary>
    private sealed class Upstream(HttpStatusCode status, string body, bool unreachable = false) : HttpMessageHandler
    {
        public List<string> Requests { get; } = [];

        public static Upstream Unreachable() => new(HttpStatusCode.OK, "", unreachable: true);

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (unreachable) throw new HttpRequestException("Connection refused");
            if (request.Content is not null) Requests.Add(await request.Content.ReadAsStringAsync(cancellationToken));
            return new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        }
    }
}
