using Acornima.Ast;
using Jint;
using Jint.Native;

namespace SharpClaw.Gateway.Http.Hooks;

/// <summary>
/// The <c>url</c> a JavaScript transform receives: like OpenClaw's (a WHATWG <c>URL</c> of the request), an object
/// with <c>href, origin, protocol, host, hostname, port, pathname, search, hash</c> and a read-only
/// <c>searchParams</c> (<c>get, getAll, has, keys, values, entries, forEach</c>, iterable); it converts to its
/// <c>href</c> as a string and in JSON. Jint has no <c>URL</c> global, so this small factory stands in for it.
/// </summary>
internal static class JsUrlObject
{
    private const string Source = """
        (function (href) {
          var m = /^([a-z][a-z0-9+.-]*:)\/\/([^\/?#]*)([^?#]*)(\?[^#]*)?(#.*)?$/i.exec(href) || [];
          var protocol = m[1] || '', host = m[2] || '', pathname = m[3] || '/', search = m[4] || '', hash = m[5] || '';
          if (search === '?') { search = ''; }
          var colon = host.lastIndexOf(':');
          var hasPort = colon > -1 && host.indexOf(']') < colon;
          var hostname = hasPort ? host.slice(0, colon) : host, port = hasPort ? host.slice(colon + 1) : '';
          function decode(s) { try { return decodeURIComponent(s.replace(/\+/g, ' ')); } catch (e) { return s; } }
          var pairs = search.slice(1).split('&').filter(function (p) { return p.length > 0; }).map(function (p) {
            var i = p.indexOf('=');
            return i < 0 ? [decode(p), ''] : [decode(p.slice(0, i)), decode(p.slice(i + 1))];
          });
          var params = {
            get: function (k) { for (var i = 0; i < pairs.length; i++) { if (pairs[i][0] === k) { return pairs[i][1]; } } return null; },
            getAll: function (k) { return pairs.filter(function (p) { return p[0] === k; }).map(function (p) { return p[1]; }); },
            has: function (k) { return pairs.some(function (p) { return p[0] === k; }); },
            keys: function () { return pairs.map(function (p) { return p[0]; })[Symbol.iterator](); },
            values: function () { return pairs.map(function (p) { return p[1]; })[Symbol.iterator](); },
            entries: function () { return pairs.map(function (p) { return [p[0], p[1]]; })[Symbol.iterator](); },
            forEach: function (cb) { pairs.forEach(function (p) { cb(p[1], p[0], params); }); },
            toString: function () { return search.slice(1); },
            size: pairs.length
          };
          params[Symbol.iterator] = params.entries;
          return {
            href: href, origin: protocol + '//' + host, protocol: protocol, host: host, hostname: hostname, port: port,
            pathname: pathname, search: search, hash: hash, searchParams: params,
            toString: function () { return href; }, toJSON: function () { return href; }
          };
        })
        """;

    private static readonly Prepared<Script> Factory = Engine.PrepareScript(Source, "sharpclaw-url.js");

    /// <summary>The URL object for <paramref name="href"/> in <paramref name="engine"/>.</summary>
    public static JsValue Create(Engine engine, string href) => engine.Call(engine.Evaluate(Factory), href);
}
