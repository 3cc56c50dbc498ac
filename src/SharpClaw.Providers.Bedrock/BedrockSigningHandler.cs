using Amazon;
using Amazon.Runtime.Signing;

namespace SharpClaw.Providers.Bedrock;

/// <summary>
/// Signs each request with AWS Signature V4 (AWSSDK.Core's <see cref="AWSSigV4Signer"/>, service <c>bedrock</c>),
/// buffering the body for the payload hash. The signing time comes from the injected <see cref="TimeProvider"/>.
/// </summary>
internal sealed class BedrockSigningHandler : DelegatingHandler
{
    public const string Service = "bedrock";

    private readonly string _provider;
    private readonly AwsCredentialSource _credentials;
    private readonly RegionEndpoint _region;
    private readonly TimeProvider _timeProvider;

    public BedrockSigningHandler(string provider, AwsCredentialSource credentials, string region, TimeProvider timeProvider, HttpMessageHandler inner)
        : base(inner)
    {
        _provider = provider;
        _credentials = credentials;
        _region = RegionEndpoint.GetBySystemName(region);
        _timeProvider = timeProvider;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        var signing = new AWSSigningRequest { HttpMethod = request.Method, RequestUri = request.RequestUri, Content = body };
        if (request.Content?.Headers.ContentType is { } contentType)
        {
            signing.Headers["content-type"] = contentType.ToString();
        }

        var parameters = new AWSSigV4Parameters
        {
            Credentials = await _credentials.GetAsync(_provider, cancellationToken),
            Region = _region,
            Service = Service,
            SignedAt = _timeProvider.GetUtcNow().UtcDateTime,
        };
        var signed = await AWSSigV4Signer.SignAsync(signing, parameters, cancellationToken);
        foreach (var (name, value) in signed.Headers)
        {
            request.Headers.Remove(name);
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return await base.SendAsync(request, cancellationToken);
    }
}
