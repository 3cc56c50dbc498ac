using SharpClaw.Agents.Tools;
using SharpClaw.Agents.Tools.Exec;

namespace SharpClaw.Agents.Tests.Tools;

/// <summary>
/// Every dangerous environment name OpenClaw's host-env policy knows (its "blocked everywhere" and "override-only"
/// baselines, written out independently here so a name dropped from the production list fails), plus SharpClaw's
/// additions: each must be stripped from the inherited environment and/or refused as a per-call override.
/// </summary>
public sealed class ExecEnvironmentTableTests
{
    private const string StrippedAndRefused = """
        ANT_OPTS BASHOPTS BASH_ENV BROWSER BZR_EDITOR BZR_PLUGIN_PATH BZR_SSH CARGO_BUILD_RUSTC CARGO_BUILD_RUSTC_WRAPPER
        CATALINA_OPTS CC CMAKE_CXX_COMPILER CMAKE_C_COMPILER CMAKE_TOOLCHAIN_FILE CONFIG_SHELL CONFIG_SITE CORECLR_PROFILER CXX
        DOTNET_ADDITIONAL_DEPS DOTNET_STARTUP_HOOKS ELIXIR_ERL_OPTIONS EMACSLOADPATH ENV ERL_AFLAGS ERL_FLAGS ERL_ZFLAGS EXINIT
        FPATH GCONV_PATH GIT_ALTERNATE_OBJECT_DIRECTORIES GIT_COMMON_DIR GIT_DIR GIT_EDITOR GIT_EXEC_PATH GIT_EXTERNAL_DIFF
        GIT_HOOK_PATH GIT_INDEX_FILE GIT_NAMESPACE GIT_OBJECT_DIRECTORY GIT_SEQUENCE_EDITOR GIT_SSL_CAINFO GIT_SSL_CAPATH
        GIT_SSL_NO_VERIFY GIT_TEMPLATE_DIR GIT_WORK_TREE GLIBC_TUNABLES GRADLE_OPTS GVIMINIT HELM_PLUGINS HGRCPATH HOSTALIASES
        IFS JAVA_OPTS JAVA_TOOL_OPTIONS JDK_JAVA_OPTIONS JULIA_EDITOR KSH_ENV LUA_INIT LUA_INIT_5_1 LUA_INIT_5_2 LUA_INIT_5_3
        LUA_INIT_5_4 MAKEFLAGS MAVEN_OPTS MFLAGS MYVIMRC NODE_OPTIONS NODE_PATH NODE_REDIRECT_WARNINGS NODE_REPL_EXTERNAL_MODULE
        NODE_REPL_HISTORY NODE_V8_COVERAGE PACKER_PLUGIN_PATH PERL5LIB PERL5OPT PS4 PYTHONBREAKPOINT PYTHONHOME PYTHONPATH
        RUBYLIB RUBYOPT RUBYSHELL RUSTC_WRAPPER R_ENVIRON R_ENVIRON_USER R_PROFILE R_PROFILE_USER SBT_OPTS SHELL SHELLOPTS
        SSLKEYLOGFILE SUDO_ASKPASS SVN_EDITOR SVN_SSH TCLLIBPATH VAGRANT_VAGRANTFILE VIMINIT _JAVA_OPTIONS
        PYTHONSTARTUP PERLLIB PROMPT_COMMAND ZDOTDIR GIT_ASKPASS GIT_SSH GIT_SSH_COMMAND GIT_CONFIG CORECLR_PROFILER_PATH
        CORECLR_ENABLE_PROFILING OPENSSL_CONF EDITOR VISUAL PAGER LOCALDOMAIN RES_OPTIONS TMPDIR
        LD_PRELOAD LD_LIBRARY_PATH LD_AUDIT LD_BIND_NOW DYLD_INSERT_LIBRARIES DYLD_LIBRARY_PATH BASH_FUNC_x GIT_CONFIG_COUNT
        GIT_CONFIG_PARAMETERS GIT_CONFIG_GLOBAL NPM_CONFIG_PREFIX NPM_CONFIG_REGISTRY CARGO_REGISTRIES_CRATES_IO_INDEX
        OPENCLAW_GATEWAY_TOKEN OPENCLAW_GATEWAY_PASSWORD SHARPCLAW_CONTROL_UI_ROOT ld_preload Node_Options
        """;

    private const string InheritedButNotOverridable = """
        ALL_PROXY AMQP_URL ANSIBLE_CALLBACK_PLUGINS ANSIBLE_COLLECTIONS_PATH ANSIBLE_CONFIG ANSIBLE_CONNECTION_PLUGINS
        ANSIBLE_FILTER_PLUGINS ANSIBLE_INVENTORY_PLUGINS ANSIBLE_LIBRARY ANSIBLE_LOOKUP_PLUGINS ANSIBLE_MODULE_UTILS
        ANSIBLE_REMOTE_TEMP ANSIBLE_ROLES_PATH ANSIBLE_STRATEGY_PLUGINS AWS_ACCESS_KEY_ID AWS_CONFIG_FILE
        AWS_CONTAINER_CREDENTIALS_FULL_URI AWS_CONTAINER_CREDENTIALS_RELATIVE_URI AWS_SECRET_ACCESS_KEY AWS_SECURITY_TOKEN
        AWS_SESSION_TOKEN AWS_SHARED_CREDENTIALS_FILE AWS_WEB_IDENTITY_TOKEN_FILE AZURE_AUTH_LOCATION AZURE_CLIENT_ID
        AZURE_CLIENT_SECRET BUNDLE_GEMFILE BUN_CONFIG_REGISTRY CARGO_HOME CFLAGS CGO_CFLAGS CGO_LDFLAGS CLASSPATH COMPOSER_HOME
        CPATH CPLUS_INCLUDE_PATH CURL_CA_BUNDLE CURL_HOME C_INCLUDE_PATH DATABASE_URL DENO_DIR DOCKER_CERT_PATH DOCKER_CONTEXT
        DOCKER_HOST DOCKER_TLS_VERIFY FCEDIT GEM_HOME GEM_PATH GH_TOKEN GITHUB_TOKEN GITLAB_TOKEN GIT_PAGER GIT_PROXY_COMMAND
        GOENV GOFLAGS GONOPROXY GONOSUMCHECK GONOSUMDB GOOGLE_APPLICATION_CREDENTIALS GOPATH GOPRIVATE GOPROXY GRADLE_USER_HOME
        HELM_HOME HISTFILE HOME HTTPS_PROXY HTTP_PROXY KUBECONFIG LDFLAGS LESSCLOSE LESSOPEN LIBRARY_PATH LUA_CPATH LUA_PATH
        MANPAGER MONGODB_URI NODE_AUTH_TOKEN NODE_EXTRA_CA_CERTS NODE_TLS_REJECT_UNAUTHORIZED NO_PROXY NPM_TOKEN
        OBJC_INCLUDE_PATH OPENSSL_ENGINES PERL5DB PERL5DBCMD PHPRC PHP_INI_SCAN_DIR PIP_CONFIG_FILE PIP_EXTRA_INDEX_URL
        PIP_FIND_LINKS PIP_INDEX_URL PIP_PYPI_URL PIP_TRUSTED_HOST PYTHONUSERBASE REDIS_URL REQUESTS_CA_BUNDLE RUSTFLAGS
        RUSTUP_HOME RUSTUP_TOOLCHAIN R_LIBS_USER SSH_ASKPASS SSH_AUTH_SOCK SSL_CERT_DIR SSL_CERT_FILE SUDO_EDITOR SYSTEMROOT
        TF_CLI_CONFIG_FILE TF_PLUGIN_CACHE_DIR UV_DEFAULT_INDEX UV_EXTRA_INDEX_URL UV_INDEX UV_INDEX_URL UV_PYTHON VIRTUAL_ENV
        WGETRC WINDIR XDG_CACHE_HOME XDG_CONFIG_DIRS XDG_CONFIG_HOME XDG_DATA_DIRS XDG_DATA_HOME XDG_RUNTIME_DIR XDG_STATE_HOME
        YARN_RC_FILENAME USER LOGNAME TF_VAR_aws_secret TF_VAR_x
        """;

    public static TheoryData<string> StrippedKeys() => new(Names(StrippedAndRefused));

    public static TheoryData<string> OverrideOnlyKeys() => new(Names(InheritedButNotOverridable));

    [Theory]
    [MemberData(nameof(StrippedKeys))]
    public void DangerousKeyIsStrippedFromTheInheritedEnvironmentAndRefusedAsOverride(string key)
    {
        var env = ExecEnvironment.Build(null, new System.Collections.Hashtable { [key] = "/tmp/evil", ["KEEP_ME"] = "1" });
        Assert.False(env.ContainsKey(key), $"{key} was inherited");
        Assert.Equal("1", env["KEEP_ME"]);
        var refused = Assert.Throws<ToolRefusedException>(() => ExecEnvironment.Build(new Dictionary<string, string> { [key] = "/tmp/evil" }, new System.Collections.Hashtable()));
        Assert.Equal($"Security Violation: Environment variable '{key}' is forbidden during host execution.", refused.Message);
    }

    [Theory]
    [MemberData(nameof(OverrideOnlyKeys))]
    public void OverrideOnlyKeyIsInheritedButRefusedAsOverride(string key)
    {
        var env = ExecEnvironment.Build(null, new System.Collections.Hashtable { [key] = "inherited" });
        Assert.Equal("inherited", env[key]);
        var refused = Assert.Throws<ToolRefusedException>(() => ExecEnvironment.Build(new Dictionary<string, string> { [key] = "agent" }, new System.Collections.Hashtable()));
        Assert.Contains($"'{key}' is forbidden", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheListsAreAtLeastAsLargeAsOpenClaws()
    {
        Assert.True(ExecEnvironment.Blocked.Count >= 90, $"only {ExecEnvironment.Blocked.Count} keys blocked everywhere");
        Assert.True(ExecEnvironment.OverrideOnly.Count + ExecEnvironment.Blocked.Count >= 232);
        Assert.Empty(ExecEnvironment.Blocked.Intersect(ExecEnvironment.OverrideOnly));
        Assert.Contains("LD_", ExecEnvironment.BlockedPrefixes);
    }

    [Fact]
    public void HarmlessOverridesAreAcceptedAndTheShellMarkerIsSet()
    {
        var env = ExecEnvironment.Build(new Dictionary<string, string> { ["FOO"] = "bar", ["LANG"] = "C.UTF-8", ["TERM"] = "xterm" }, new System.Collections.Hashtable { ["OPENCLAW_SHELL"] = "spoof" });
        Assert.Equal("bar", env["FOO"]);
        Assert.Equal("C.UTF-8", env["LANG"]);
        Assert.Equal("exec", env["OPENCLAW_SHELL"]);
        Assert.Equal(ExecEnvironment.DefaultPath, env["PATH"]);
    }

    private static string[] Names(string table) => table.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries);
}
