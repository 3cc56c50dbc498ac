namespace SharpClaw.Agents.Tools.Exec;

/// <summary>
/// Environment variable names that change what a child process loads or runs, grouped by what they hijack.
/// <see cref="Everywhere"/> keys are removed from the inherited environment and refused as per-call overrides;
/// <see cref="OverrideOnly"/> keys pass through when the gateway itself has them but an agent may not set them
/// (credentials, proxies, package indexes, trust stores, tool homes). The set covers OpenClaw's host-env policy
/// (its blocked and override-only keys and prefixes, security-reliability §1.5, openclaw-core §3.7) plus a few
/// SharpClaw adds (.NET profiler, resolver and temp-dir keys, the gateway's own <c>OPENCLAW_*</c>/<c>SHARPCLAW_*</c>).
/// </summary>
internal static class DangerousEnvironmentKeys
{
    /// <summary>Shells and their startup hooks: files sourced or code run before the command.</summary>
    private static readonly string[] Shells =
    [
        "BASH_ENV", "ENV", "KSH_ENV", "SHELL", "SHELLOPTS", "BASHOPTS", "PS4", "IFS", "PROMPT_COMMAND", "ZDOTDIR", "FPATH",
        "CONFIG_SHELL", "RUBYSHELL",
    ];

    /// <summary>Language runtimes: preload modules, search paths, startup scripts, debugger hooks.</summary>
    private static readonly string[] Runtimes =
    [
        "NODE_OPTIONS", "NODE_PATH", "NODE_REDIRECT_WARNINGS", "NODE_REPL_EXTERNAL_MODULE", "NODE_REPL_HISTORY", "NODE_V8_COVERAGE",
        "PYTHONPATH", "PYTHONHOME", "PYTHONSTARTUP", "PYTHONBREAKPOINT",
        "PERL5OPT", "PERL5LIB", "PERLLIB",
        "RUBYOPT", "RUBYLIB",
        "LUA_INIT", "LUA_INIT_5_1", "LUA_INIT_5_2", "LUA_INIT_5_3", "LUA_INIT_5_4",
        "TCLLIBPATH", "EMACSLOADPATH",
        "ERL_AFLAGS", "ERL_FLAGS", "ERL_ZFLAGS", "ELIXIR_ERL_OPTIONS",
        "R_ENVIRON", "R_ENVIRON_USER", "R_PROFILE", "R_PROFILE_USER",
        "JAVA_TOOL_OPTIONS", "JAVA_OPTS", "_JAVA_OPTIONS", "JDK_JAVA_OPTIONS", "MAVEN_OPTS", "GRADLE_OPTS", "SBT_OPTS", "ANT_OPTS", "CATALINA_OPTS",
        "DOTNET_STARTUP_HOOKS", "DOTNET_ADDITIONAL_DEPS", "CORECLR_PROFILER", "CORECLR_PROFILER_PATH", "CORECLR_ENABLE_PROFILING",
    ];

    /// <summary>Build tools and compilers: the binary that gets run, or flags handed to every build.</summary>
    private static readonly string[] Builds =
    [
        "CC", "CXX", "RUSTC_WRAPPER", "CARGO_BUILD_RUSTC", "CARGO_BUILD_RUSTC_WRAPPER",
        "CMAKE_C_COMPILER", "CMAKE_CXX_COMPILER", "CMAKE_TOOLCHAIN_FILE", "CONFIG_SITE", "MAKEFLAGS", "MFLAGS",
    ];

    /// <summary>Version control: repository redirection, hooks, external programs, TLS switches.</summary>
    private static readonly string[] VersionControl =
    [
        "GIT_DIR", "GIT_WORK_TREE", "GIT_COMMON_DIR", "GIT_INDEX_FILE", "GIT_OBJECT_DIRECTORY", "GIT_ALTERNATE_OBJECT_DIRECTORIES",
        "GIT_NAMESPACE", "GIT_EXEC_PATH", "GIT_TEMPLATE_DIR", "GIT_HOOK_PATH", "GIT_CONFIG", "GIT_EDITOR", "GIT_SEQUENCE_EDITOR",
        "GIT_EXTERNAL_DIFF", "GIT_ASKPASS", "GIT_SSH", "GIT_SSH_COMMAND", "GIT_SSL_NO_VERIFY", "GIT_SSL_CAINFO", "GIT_SSL_CAPATH",
        "HGRCPATH", "SVN_EDITOR", "SVN_SSH", "BZR_EDITOR", "BZR_PLUGIN_PATH", "BZR_SSH",
    ];

    /// <summary>Editors, pagers and helper programs that other tools launch on the command's behalf.</summary>
    private static readonly string[] Launchers =
    [
        "EDITOR", "VISUAL", "PAGER", "BROWSER", "SUDO_ASKPASS", "JULIA_EDITOR", "EXINIT", "VIMINIT", "GVIMINIT", "MYVIMRC",
        "HELM_PLUGINS", "PACKER_PLUGIN_PATH", "VAGRANT_VAGRANTFILE",
    ];

    /// <summary>C library, resolver and TLS: loadable modules, host lookups, key logging, temp files.</summary>
    private static readonly string[] LibraryAndResolver =
    [
        "GCONV_PATH", "GLIBC_TUNABLES", "HOSTALIASES", "LOCALDOMAIN", "RES_OPTIONS", "SSLKEYLOGFILE", "OPENSSL_CONF", "TMPDIR",
    ];

    /// <summary>Per-call overrides only: identity, credentials and secrets.</summary>
    private static readonly string[] Credentials =
    [
        "HOME", "USER", "LOGNAME", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_SECURITY_TOKEN",
        "AWS_CONFIG_FILE", "AWS_SHARED_CREDENTIALS_FILE", "AWS_WEB_IDENTITY_TOKEN_FILE", "AWS_CONTAINER_CREDENTIALS_FULL_URI",
        "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "AZURE_AUTH_LOCATION", "AZURE_CLIENT_ID", "AZURE_CLIENT_SECRET",
        "GOOGLE_APPLICATION_CREDENTIALS", "KUBECONFIG", "GH_TOKEN", "GITHUB_TOKEN", "GITLAB_TOKEN", "NPM_TOKEN", "NODE_AUTH_TOKEN",
        "SSH_AUTH_SOCK", "SSH_ASKPASS", "DATABASE_URL", "REDIS_URL", "MONGODB_URI", "AMQP_URL",
    ];

    /// <summary>Per-call overrides only: network proxies and certificate trust.</summary>
    private static readonly string[] NetworkTrust =
    [
        "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "NO_PROXY", "GIT_PROXY_COMMAND", "NODE_TLS_REJECT_UNAUTHORIZED", "NODE_EXTRA_CA_CERTS",
        "SSL_CERT_FILE", "SSL_CERT_DIR", "REQUESTS_CA_BUNDLE", "CURL_CA_BUNDLE", "OPENSSL_ENGINES", "CURL_HOME", "WGETRC",
        "DOCKER_HOST", "DOCKER_TLS_VERIFY", "DOCKER_CERT_PATH", "DOCKER_CONTEXT",
    ];

    /// <summary>Per-call overrides only: package indexes, tool homes and search paths.</summary>
    private static readonly string[] Toolchains =
    [
        "CLASSPATH", "CFLAGS", "LDFLAGS", "CGO_CFLAGS", "CGO_LDFLAGS", "RUSTFLAGS", "LIBRARY_PATH", "CPATH", "C_INCLUDE_PATH",
        "CPLUS_INCLUDE_PATH", "OBJC_INCLUDE_PATH", "GOFLAGS", "GOPROXY", "GONOSUMCHECK", "GONOSUMDB", "GONOPROXY", "GOPRIVATE",
        "GOENV", "GOPATH", "CARGO_HOME", "RUSTUP_HOME", "RUSTUP_TOOLCHAIN", "GRADLE_USER_HOME", "HELM_HOME", "COMPOSER_HOME",
        "GEM_HOME", "GEM_PATH", "BUNDLE_GEMFILE", "PYTHONUSERBASE", "VIRTUAL_ENV", "UV_INDEX", "UV_INDEX_URL", "UV_EXTRA_INDEX_URL",
        "UV_DEFAULT_INDEX", "UV_PYTHON", "PIP_INDEX_URL", "PIP_PYPI_URL", "PIP_EXTRA_INDEX_URL", "PIP_CONFIG_FILE", "PIP_FIND_LINKS",
        "PIP_TRUSTED_HOST", "BUN_CONFIG_REGISTRY", "YARN_RC_FILENAME", "DENO_DIR", "LUA_PATH", "LUA_CPATH", "R_LIBS_USER",
        "PHPRC", "PHP_INI_SCAN_DIR", "PERL5DB", "PERL5DBCMD", "TF_CLI_CONFIG_FILE", "TF_PLUGIN_CACHE_DIR",
        "ANSIBLE_CONFIG", "ANSIBLE_LIBRARY", "ANSIBLE_MODULE_UTILS", "ANSIBLE_ROLES_PATH", "ANSIBLE_COLLECTIONS_PATH",
        "ANSIBLE_CALLBACK_PLUGINS", "ANSIBLE_CONNECTION_PLUGINS", "ANSIBLE_FILTER_PLUGINS", "ANSIBLE_INVENTORY_PLUGINS",
        "ANSIBLE_LOOKUP_PLUGINS", "ANSIBLE_STRATEGY_PLUGINS", "ANSIBLE_REMOTE_TEMP",
    ];

    /// <summary>Per-call overrides only: interactive-shell files, other pagers/editors, XDG and Windows roots.</summary>
    private static readonly string[] Sessions =
    [
        "HISTFILE", "LESSOPEN", "LESSCLOSE", "MANPAGER", "GIT_PAGER", "FCEDIT", "SUDO_EDITOR", "XDG_CONFIG_HOME", "XDG_CONFIG_DIRS",
        "XDG_DATA_HOME", "XDG_DATA_DIRS", "XDG_CACHE_HOME", "XDG_STATE_HOME", "XDG_RUNTIME_DIR", "SYSTEMROOT", "WINDIR",
    ];

    public static readonly IReadOnlySet<string> Everywhere = new HashSet<string>(
        [.. Shells, .. Runtimes, .. Builds, .. VersionControl, .. Launchers, .. LibraryAndResolver], StringComparer.OrdinalIgnoreCase);

    /// <summary>Loader injection (<c>LD_PRELOAD</c>, <c>LD_AUDIT</c>, <c>DYLD_INSERT_LIBRARIES</c>), exported bash functions, git
    /// config injection, npm/cargo configuration, and the gateway's own settings and secrets.</summary>
    public static readonly IReadOnlyList<string> EverywherePrefixes =
        ["LD_", "DYLD_", "BASH_FUNC_", "GIT_CONFIG_", "NPM_CONFIG_", "CARGO_REGISTRIES_", "OPENCLAW_", "SHARPCLAW_"];

    public static readonly IReadOnlySet<string> OverrideOnly = new HashSet<string>(
        [.. Credentials, .. NetworkTrust, .. Toolchains, .. Sessions], StringComparer.OrdinalIgnoreCase);

    /// <summary>Terraform variables can carry provider credentials and provisioner commands.</summary>
    public static readonly IReadOnlyList<string> OverrideOnlyPrefixes = ["TF_VAR_"];
}
