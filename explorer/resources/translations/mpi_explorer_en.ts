<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>&lt;b&gt;Versions&lt;/b&gt;{versions}&lt;br&gt;&lt;b&gt;Files&lt;/b&gt;{files}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h2&gt;MPI Explorer {version}&lt;/h2&gt;&lt;p&gt;Submit, watch and debug MPI multi-instance tasks on Azure Batch,&lt;br&gt;or on this machine with Local Batch.&lt;/p&gt;&lt;p&gt;MIT licence.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About MPI Explorer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copies the versions and the places of the files, for a support request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local Batch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local Batch log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local Batch state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open log folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings and profiles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shows the folder of the log files in the file manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not installed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AccountChecks</name>
    <message>
        <source>Could not connect to {endpoint}: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not reach {endpoint}: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the environment&apos;s {variable}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the proxy setting in Connection &gt; Accounts…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{endpoint} answered 404: is this the account URL shown on the account&apos;s overview page?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{endpoint} answered {reason}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{endpoint} refused the credentials ({reason}): check the account name and key (or, for Entra ID, that your user has a role on the account).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{reason} — the request went through the proxy {proxy} ({source}). Check that the proxy runs and lets this host through, or set the proxy to “none” in Connection &gt; Accounts… &gt; Proxy (or add the host to NO_PROXY).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AccountKinds</name>
    <message>
        <source>Azure Batch, Microsoft Entra ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Azure Batch, shared key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local Batch</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AccountsDialog</name>
    <message>
        <source>Accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Azure Batch account with Microsoft Entra ID…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Azure Batch account with a shared key…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect with what the form says and list what the account has</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not connect. {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fix the fields marked in red first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From Azure: sign in and pick accounts…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local Batch on another data folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MPI Explorer opens on “{name}” from now on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Network proxy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New Azure Batch account (Microsoft Entra ID)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New Azure Batch account (shared key)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New Local Batch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No key is stored for this account: enter it and Save.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the window on this account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove “{name}” from MPI Explorer, with the keys stored for it?

The Batch account itself is not touched.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removed “{name}”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save proxy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved “{name}”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved “{name}”. Its key is in the keyring.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved “{name}”. Its key is kept for this session only (no keyring).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved. It applies to the next connection (Connection menu, or Connect).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set as default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed out of “{name}”: the next connection asks you to sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something went wrong: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Testing… (connecting and listing pools and jobs)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The account the window opens on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This account comes from AZURE_BATCH_ENDPOINT, AZURE_BATCH_ACCOUNT and AZURE_BATCH_ACCESS_KEY in the environment; it is not saved. Test and Connect use it as it is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>as it appears in the Connection menu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⚠ {remedy} Keys you save now are kept for this session only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ {summary}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AddFromAzureDialog</name>
    <message>
        <source>1 Batch account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 subscription</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add Batch accounts from Azure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add checked accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added {names}. Choose one in the Connection menu, or Connect in Accounts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cloud:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pool allocation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resource group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in and list accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in with:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing in and listing your subscriptions…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something went wrong: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subscription</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tenant:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use each account&apos;s shared key (and its auto-storage&apos;s key), read with list keys, instead of Entra ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>your home tenant (or a GUID / contoso.onmicrosoft.com)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{accounts} in {subscriptions}. Check the ones to add.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} Batch accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} subscriptions</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AppTexts</name>
    <message>
        <source>Connected, but the choice of profile was not saved: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MPI Explorer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sample {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{error}

Only Local Batch is offered until the file is fixed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Azurite</name>
    <message>
        <source>Another Azurite holds {location} and does not answer; see {log}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Azurite did not answer on port {port} within {seconds} s; see {log}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Azurite exited with code {code} before it was ready; see {log}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Azurite is already running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Azurite is not installed: run `npm install --no-save --no-package-lock azurite@3` in {repository} (or set AZURITE_BLOB to an azurite-blob executable)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BaseView</name>
    <message>
        <source>it does not exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>show {what}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BatchJson</name>
    <message>
        <source>&quot;{text}&quot; is not one of {allowed}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a whole number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an ISO-8601 duration string such as &quot;PT1H&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an array</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an array [...]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an object {{...}}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a task object {{...}}, as `az batch task create --json-file` takes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected an object {{...}}, got {value}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected {description}, got {value}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not valid JSON: {reason} at line {line}, column {column}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>null</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>one of {allowed}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>required field &apos;{key}&apos; ({description}) is missing; add it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>required field &apos;{key}&apos; is missing; &apos;{spelled}&apos; is there, but names are case-sensitive.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>required field &apos;{key}&apos; is missing; did you mean to rename &apos;{near}&apos; to &apos;{key}&apos;?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>required field &apos;{key}&apos; is null; set it to {description}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the number {value}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the string {value}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the value {value}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the {kind} {value}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>true or false</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown or unsupported field &apos;{key}&apos;; MPI Explorer reads only {fields}; remove it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown or unsupported field &apos;{key}&apos;; did you mean &apos;{near}&apos;?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{{numberOfInstances, coordinationCommandLine}}, without which this is not a multi-instance task</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CompareView</name>
    <message>
        <source> (the same)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (they differ)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Both finished: exit codes {a} and {b}{same}; longest instance {ta} and {tb}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Difference of the primaries&apos; output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the first {kib} KiB of {label}&apos;s output are compared.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output of the primary (stdout.txt): {first} against {second}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading both runs…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Side-by-side comparison of two runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something went wrong: {e}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Still running on {names}: read again every {s:.0f} s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two outputs are the same ({n} lines).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Comparison</name>
    <message>
        <source>Could not read the run of {task} on {account}: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConnectingPage</name>
    <message>
        <source>Accounts…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting to “{profile}”…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not connect to “{profile}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its pools and jobs show as soon as the account answers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local Batch runs on this computer; it takes a moment to start. Its pools and jobs show as soon as it answers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Local Batch instead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting Local Batch…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection is being made</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try again</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConnectionStatusBar</name>
    <message>
        <source>Retry now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try to reach the service again without waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>could not connect: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>retrying in {seconds:.0f} s ({reason})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>starting Local Batch…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{profile}: {status}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{reason}, through the proxy {proxy}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>●</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CoordinationProgress</name>
    <message>
        <source>An instance counts as ready when the service reports that its coordination command succeeded (Local Batch does as soon as it ends; Azure Batch only when the task ends). Once the application command starts, every instance was ready: Batch starts it only then.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>waiting for the service to report the task</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Credentials</name>
    <message>
        <source>There is no usable system keyring (no Secret Service answers), so keys cannot be kept between sessions. Install and start one (e.g. gnome-keyring, or KeePassXC with its Secret Service), or opt in to a file keyring with `pip install keyrings.alt` and PYTHON_KEYRING_BACKEND=keyrings.alt.file.EncryptedKeyring.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot delete &apos;{name}&apos; from the keyring: {kind}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read &apos;{name}&apos; from the keyring: {kind}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot store &apos;{name}&apos; in the keyring: {kind}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no shared key stored for account &apos;{account}&apos;: enter it in Connection &gt; Accounts… (or set AZURE_BATCH_ACCESS_KEY for this run)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeviceCodeDialog</name>
    <message>
        <source>Copied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MPI Explorer waits for the sign-in and goes on by itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open browser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in to Microsoft Entra ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To sign in, open {link} in a browser (on this or any other device) and enter this code before {time}:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Discovery</name>
    <message>
        <source>Could not list the Batch accounts of {subscription}: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not list your subscriptions: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the endpoints of {account}&apos;s storage account {storage}: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the keys of {account}&apos;s storage account {storage}: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the keys of {account}: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Storage account {storage} gave no key: shared-key access may be turned off for it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{account} gave no key: shared-key access may be turned off for it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Downloads</name>
    <message>
        <source>Cannot download the files: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot download {file}: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refusing to write the remote file &apos;{file}&apos; outside {folder}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Durations</name>
    <message>
        <source>&apos;{text}&apos; is longer than Batch&apos;s longest duration, {longest}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is negative; Batch durations cannot be negative.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is not an ISO-8601 duration.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;{text}&apos; uses years or months, which have no fixed length.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;{text}…&apos; is too long for a duration ({length} characters).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a shorter duration, or leave the field empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write it as P[nW][nD][T[nH][nM][nS]], {examples}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write it in ISO 8601, {examples}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the duration in days instead, for example P30D.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>for example PT30M (30 minutes), PT1H30M or P2D (2 days)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{days} days</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Editors</name>
    <message>
        <source>Add variable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Environment variables</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EntraForm</name>
    <message>
        <source>Account URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cloud:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in with:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tenant:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not signed in yet: Test or Connect signs in (once)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>signed in as {who}; a restart does not ask again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>signed in; a restart does not ask again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>your home tenant (or a GUID / contoso.onmicrosoft.com)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ErrorBanner</name>
    <message>
        <source>Batch error code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the account key or sign-in of this connection profile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the message and details to the clipboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error type: {kind}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTTP status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It may have been deleted in the meantime; press F5 to refresh.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the error code and request id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something unexpected went wrong: {kind}: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The job has already completed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The job is being deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The pool is being deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The pool is still resizing: wait for it, or stop the resize first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service did not answer in time; try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service is busy; try again in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The task has already completed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ErrorDialogs</name>
    <message>
        <source>MPI Explorer — unexpected error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something went wrong that MPI Explorer did not expect:

{error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something went wrong that MPI Explorer did not expect:

{error}

Details are in {log}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>timed out</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FieldChecks</name>
    <message>
        <source>&apos;{name}&apos; is set by Batch itself (AZ_BATCH_* and CCP_NODES describe the nodes to MPI).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;{name}&apos; is set twice (rows {first} and {second}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A blob prefix applies only to container sources, not to an HTTP URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A file downloaded from an HTTP URL needs a file path.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the container after the host: {example}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An environment variable has no name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose an auto-user, enter a user name, or leave the identity unset.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose another name; read Batch&apos;s value in your command instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear one of them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear the blob prefix.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Container name &apos;{name}&apos; contains capital letters; container names are lowercase.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Container name &apos;{name}&apos; contains characters other than letters, digits and hyphens.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Container name &apos;{name}&apos; has {length} characters; Azure Storage needs 3 to 63.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Container name &apos;{name}&apos; starts or ends with a hyphen or has two in a row.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Encode spaces as %20 and remove line breaks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End the URL after &apos;/{container}&apos; and put &apos;{inside}&apos; in the blob prefix, or use an HTTP URL to download a single file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a duration such as 1 hour, or leave it unset for {when_unset}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a name such as OMP_NUM_THREADS, or remove the row.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a path relative to the task directory, or leave it unset.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the name of a user account defined on the pool.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the name to save it as, e.g. &apos;input.dat&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the {what}, or pick an MPI preset to fill it in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTTP URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep one source and clear the others.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave it unset for {when_unset}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste a URL such as {example}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove one of them; only one value can take effect.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the &apos;..&apos; parts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove them; container names use only a-z, 0-9 and &apos;-&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set an HTTP URL, a storage container URL or an auto-storage container name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start it with a letter or &apos;_&apos;, e.g. &apos;{example}&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start it with https://, as in {example}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The environment variable name &apos;{name}&apos; contains characters other than letters, digits and &apos;_&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The environment variable name &apos;{name}&apos; starts with a digit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file mode &apos;{mode}&apos; is not an octal permission.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file path &apos;{path}&apos; is absolute; Batch saves files under the task directory.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file path &apos;{path}&apos; uses &apos;..&apos; to leave the task directory, which Batch refuses.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file path is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The identity names both a user and an auto-user; Batch takes one or the other.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The resource file has no source.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The resource file has {count} sources ({sources}); Batch takes exactly one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The user identity names neither a user nor an auto-user.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The user name is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The {what} &apos;{url}&apos; does not start with a scheme.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The {what} &apos;{url}&apos; has no host name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The {what} contains spaces or line breaks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The {what} has an invalid port.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The {what} is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The {what} is longer than Batch&apos;s maximum of {most}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The {what} must be more than zero.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The {what} must be zero or more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The {what} names no container.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The {what} points inside container &apos;{container}&apos; (at &apos;{inside}&apos;) rather than at the container.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The {what} uses &apos;{scheme}:&apos;, but Batch downloads only over http and https.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use &apos;{name}&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use 3 or 4 octal digits, such as 0755 (executable) or 0644 (read-only for others).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use a port number between 0 and 65535, or none.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use a relative path such as &apos;{relative}&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use an https:// URL, as in {example}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use e.g. &apos;{example}&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use single hyphens between letters or digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use the name of an existing container in the linked storage account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write it as {example}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>storage container URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{days} days</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FieldFeedback</name>
    <message>
        <source>Create a pool for MPI…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resize the pool to {} nodes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Row {} ({}): </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Row {}: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start {} process</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start {} processes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turn inter-node communication on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use {} instance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use {} instances</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use {} task slot per node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FileDialogs</name>
    <message>
        <source>Task JSON (*.json);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FileReader</name>
    <message>
        <source>{path}: no answer from the service; read again once it answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path}: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FileTreeModel</name>
    <message>
        <source>Modified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FilesPage</name>
    <message>
        <source>Common files land in every instance&apos;s task directory ($AZ_BATCH_TASK_SHARED_DIR); the primary&apos;s files land in its working directory.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Common resource files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Common resource files (every instance)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resource files (the primary only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resource files of the primary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upload files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upload local files to {}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upload local files…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upload progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upload status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uploaded; the files are listed above with read-only links.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uploading needs a storage account linked to this connection; none is configured.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uploading {} file(s)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uploading {}: {:,} of {:,} bytes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <source>%1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n match(es)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Match case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text to find; Enter finds the next match, Shift+Enter the previous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>found, counting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>searching…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>wrapped, </source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FirstRunPage</name>
    <message>
        <source>Add an Azure Batch account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect to a Batch account in Azure, to run the same tasks on real VMs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create a local MPI pool (4 nodes) and run a sample MPI task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creating the pool and submitting the sample task…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Describe your own multi-instance MPI task step by step: pool, instances, MPI command, files.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local Batch creates the pool “mpi-demo” on this computer and runs a Monte Carlo pi estimate on 4 MPI ranks, one per node, for about 30 seconds. You watch every instance start and the output live.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local Batch, built into MPI Explorer, runs Azure Batch multi-instance tasks with real MPI on this computer. It has no pool yet: start with one of these.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the task wizard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Or choose a pool or a job on the left, or create one from the New menu.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run your first MPI task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sample could not be started: {message}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Formatting</name>
    <message>
        <source>Allocated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Application command</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Common resource files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coordination command</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dedicated nodes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Display name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Environment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exit code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IP address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Instances</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inter-node communication</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last boot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Low-priority nodes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Max retries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Max wall clock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Node agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Primary node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ran</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resize errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resource files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running tasks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start task exit code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start task failure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start task ran</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start task retries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start task state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task slots per node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tasks run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VM size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>application running: all {total} instances were ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>attempt {attempt}, {progress}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>completed: exit code {code}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>coordination: {ready} of {total} instances reported ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>coordination: {ready} of {total} instances reported ready, {failed} failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dedicated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>exit code {code}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed: {reason} ({ready} of {total} instances reported ready)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>low priority / spot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>queued: waiting for a node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>queued: waiting for a node (it cannot start as things stand: see why below)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>queued: waiting for {total} nodes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>queued: waiting for {total} nodes (it cannot start as things stand: see why below)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the task does not exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{current} of {target}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{progress} — no answer from the service since {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{run} ({succeeded} succeeded)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{size} B</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{size} GB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{size} KB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{size} MB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{size} TB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{state} (scheduling {scheduling})</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HistoryChart</name>
    <message>
        <source>Rebuilt from the service&apos;s own times (not watched then)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>local time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>seen by a poll</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the service&apos;s time</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HistoryTab</name>
    <message>
        <source>%1 by state over time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 older events not kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 failure (red lines)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 resize (dashed: started, dotted: ended)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export PNG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export chart as PNG</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export history as CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the chart as a PNG image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the counts and events as CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stacked counts by state; vertical lines mark resizes and failures, hover one for what happened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>older detail merged to %1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} failures (red lines)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} resizes (dashed: started, dotted: ended)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IdChecks</name>
    <message>
        <source>Enter 1 to {most} letters, digits, hyphens or underscores.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shorten it by {excess} character.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shorten it by {excess} characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The {kind} contains characters Batch does not allow: {shown}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The {kind} is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The {kind} is {length} characters long; Batch allows at most {most}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use only letters, digits, &apos;-&apos; and &apos;_&apos;, for example &apos;{example}&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IdentityEditor</name>
    <message>
        <source>Admin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Auto-user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Auto-user elevation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Auto-user scope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batch default (pool&apos;s non-admin auto-user)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default elevation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default scope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Non-admin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pool scope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task scope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>user account defined on the pool</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>InstanceCpu</name>
    <message>
        <source>CPU per instance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU, % of a core</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The CPU each instance&apos;s processes use on its node, from the node sampler</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>idle (under {:.0f} % of a core): {}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>instance {}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>primary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the primary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{} without figures</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>InstanceTimeline</name>
    <message>
        <source>No instances yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not reported by the service: when a phase began is known only to lie in this span, or the service has not answered since.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>coordinating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>downloading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>end: {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>instance {number} (primary) on {node}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>instance {number} (subtask) on {node}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>local time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no node yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nothing reported yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ongoing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>seconds since task creation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>start: {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown: not reported by the service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>waiting for node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{clock} (+{seconds} s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{instance}: {phases}; {number} of {count}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{number} primary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{phase} at {start} s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{phase} or later: not reported by the service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{phase} since {start} s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{phase} {start} to {end} s</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>InstancesPage</name>
    <message>
        <source>, target {}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 task slot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each instance runs on its own node: the primary runs the MPI launcher, the others host its ranks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Instances</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Instances:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No pool chosen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pool &apos;{}&apos;: {} ({}{}), inter-node communication {}, {} per node, {}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pool:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading pool &apos;{}&apos;…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{} nodes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{} task slots</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>JobView</name>
    <message>
        <source>All states</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete job {job} and its task? Its files on the nodes go too. This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete job {job} and its {count} tasks? Their files on the nodes go too. This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete job…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete task {task} and its files? This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete tasks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete tasks…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the job and its tasks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the selected tasks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete {count} tasks and their files? This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Display name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter tasks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter tasks by id, name, node or failure (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job {job}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading tasks…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One row per task; Enter opens it, the context menu acts on the selected tasks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open pool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the pool this job runs on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the selected task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shows only the tasks in this state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shows only the tasks whose id, name or failure contains this text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the job&apos;s tasks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the selected tasks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tasks of job %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Terminate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Terminate job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Terminate job {job}? Its running tasks are stopped and no new tasks start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Terminate job…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Terminate task {task}?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Terminate tasks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Terminate tasks…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Terminate {count} tasks?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>job {job}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tasks</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LocalBatchForm</name>
    <message>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data folder:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local Batch data folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local Batch keeps its pools, jobs, tasks and node files in this folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the default: the user data folder</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LocalBatchService</name>
    <message>
        <source>Another Local Batch (pid {pid}) owns {data_dir} but does not answer. Stop it (kill {pid}) or choose another data dir.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another Local Batch (pid {pid}, {endpoint}) owns {data_dir}, and its key is not in {key_file}: it was started with its own key. Stop it or choose another data dir.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its log ends with:
{lines}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local Batch exited before it was ready. {log}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local Batch gave no ready line in time. {log}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local Batch is already running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>exit code {code}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is still running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it was not running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>killed by signal {number}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>killed by {signal}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the process that ran it, pid {pid}, ended</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LogBrowser</name>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download {name} into</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folders and files; selecting a file shows it beside the list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a file to read it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>subtask {number} on {node}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>task {task} (primary)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{done} of {total} files, {percent}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;About MPI Explorer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Accounts…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Close view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import task JSON…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Pool…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Retry now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Run on another account…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;System</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Task…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Available once connected to “{profile}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a pool or a job on the left, or create one from the New menu.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close others</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F&amp;ollow output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import task JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MPI Explorer — {profile}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New pool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a task first: Run on another account… sends the task shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task from &amp;sample</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>job {id}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>node {id}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pool {id}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>task {id}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MpiPage</name>
    <message>
        <source>Application command</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Application command:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As written (no preset)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batch runs commands without a shell; the presets wrap them in /bin/bash -c (Linux) or cmd /c (Windows) so that $AZ_BATCH_HOST_LIST and friends are expanded on the node.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coordination command</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coordination command:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every instance runs: {}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MPI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preset:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Processes per node:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Program:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Then the primary runs: {}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What every instance runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the primary runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>what every rank runs, e.g. python3 $AZ_BATCH_TASK_SHARED_DIR/hello.py</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MpiPresets</name>
    <message>
        <source>Cannot run {instances} instances with {per_node} processes per node; both must be at least 1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The program is empty; enter what each MPI rank runs, e.g. &apos;python3 hello.py&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The program spans several lines; a command line is one line, so join them with &apos; &amp;&amp; &apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{preset} does not run on {family} pools; choose one of: {usable}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NavigatorPanel</name>
    <message>
        <source>1 node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection profiles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection profiles, then the pools and jobs of the current one; Enter opens the item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete job…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete pool…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Navigator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resize…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Terminate job…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>current</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pool {pool}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{current} nodes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{current} → {target} nodes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{nodes}, {state}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NodeHeatmap</name>
    <message>
        <source>dedicated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ip: {ip}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>low priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>low priority (spot)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no IP address known</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no figures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>node {node}: {state}, {ip}, {used} of {total} task slots in use, {priority}; {position}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>state: {state}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>task slots: {used}/{total}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{number} of {count}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NodeMetricsCharts</name>
    <message>
        <source>At {time}, {who}: CPU {cpu:.0f} %, memory {mem:.0f} % ({used} of {total}), network {rx:.2f}/{tx:.2f} MB/s in/out, disk {read:.2f}/{write:.2f} MB/s read/write, {free:.1f} GB free</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU (%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disk (MB/s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latest figures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory (%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Network (MB/s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No figures yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The node&apos;s latest sample, in words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>busy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this node&apos;s processes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>write</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NodeMetricsOption</name>
    <message>
        <source>A start task copies MPI Explorer&apos;s node sampler (a small Python 3 script, no packages needed) to each node&apos;s shared directory and runs it in the background, elevated so that it sees every task&apos;s processes. It writes a sample every 5 seconds to shared/mpi-explorer/metrics.jsonl (at most 2 MB), which the explorer reads through the Batch API: no Azure add-on, no agent. An existing start task keeps its command, run after the sampler is started.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Collect node metrics (CPU, memory, network, disk)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Node metrics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The node sampler is being uploaded…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sampler could not be uploaded: {}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sampler is in the linked storage; the nodes download it with a read-only link.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This account has no linked storage to hand the sampler to the nodes. Link a storage account (Connection &gt; Accounts…), or add the start task from the README&apos;s “Node metrics” section with the sampler at a URL of your own.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Untick the box to create the pool without node metrics, or tick it again to retry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uploading the sampler to the linked storage…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NodeTableModel</name>
    <message>
        <source>1 node: {states}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IP address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In state since</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No nodes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running tasks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scheduling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tasks run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dedicated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>low priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} nodes: {states}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} {state}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NodeView</name>
    <message>
        <source>CPU, memory, network and disk of this node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Double-click a task to open it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exit code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Instance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No figures from this node yet. A node writes its first within seconds of starting if its pool runs the node sampler: tick “Collect node metrics” when you create a pool, or add the sampler&apos;s start task to it (README, “Node metrics”).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Node metrics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Node {node}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open pool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reboot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reboot node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reboot node {node}? Tasks running on it are requeued.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reboot this node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reboot…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recent tasks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove from pool…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove node {node} from pool {pool}? Tasks running on it are requeued.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove this node from its pool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show pool {pool}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The node&apos;s figures could not be read: {}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The tasks this node ran last; Enter opens one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>node {node}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>primary</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Operations</name>
    <message>
        <source>Could not {action}: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>count the tasks of job {job}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>delete job {job}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>delete pool {pool}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>delete task {task}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>list the files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>list {directory}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>read node {node}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>read pool {pool}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>read task {task}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reboot node {node}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>remove node {node} from pool {pool}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>remove {count} nodes from pool {pool}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>resize pool {pool}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stop resizing pool {pool}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>terminate job {job}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>terminate task {task}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OutputPane</name>
    <message>
        <source>%1 more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ranks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ranks that wrote no line for a while, as this window saw the output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ranks:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the lines of these MPI ranks only, e.g. 1 or 0, 2-5; empty: every rank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file&apos;s text; Page Up and Page Down scroll, Ctrl+F finds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>all ranks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rank %1 silent for %2 s</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PoolChecks</name>
    <message>
        <source>Choose or create a pool with 1 task slot per node (it cannot be changed later).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose or create a pool with inter-node communication enabled (it cannot be turned on later).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick an MPI preset for {pool_family}, or choose a {family} pool.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pool &apos;{pool}&apos; does not allow inter-node communication, so the task would stay queued forever.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pool &apos;{pool}&apos; has {slots} task slots per node; multi-instance tasks run only on pools with 1, so the task would stay queued forever.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resize the pool to {needed} nodes, or lower the number of instances to {available}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resize the pool to {needed} nodes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The command starts with &apos;{shell}&apos;, which runs on {family} but pool &apos;{pool}&apos; runs {pool_family}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The task needs {needed} nodes (one per instance) but pool &apos;{pool}&apos; has {available}; it would wait in the queue until the pool grows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The task needs {needed} nodes (one per instance) but pool &apos;{pool}&apos; is resizing to {available}; it would wait in the queue until the pool grows.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PoolChoice</name>
    <message>
        <source>{pool}: MPI-ready, 1 node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{pool}: MPI-ready, {count} nodes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{pool}: {problem}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PoolPage</name>
    <message>
        <source>Choose a Linux image, such as {}, or create this pool on an Azure Batch profile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create Windows pools on an Azure Batch profile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dedicated nodes:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enable inter-node communication</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enable inter-node communication (needed by MPI)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Low-priority nodes:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pool ID:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task slots per node:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VM size:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PoolPages</name>
    <message>
        <source>Local Batch nodes are Linux processes on this machine, so it cannot run Windows images.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MPI tasks need inter-node communication and one task slot per node; neither can change later. Local Batch accepts any VM size and the Linux images it lists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Node agent SKU:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offer:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Publisher:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runs on every node as it joins the pool, e.g. to install an MPI library.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SKU:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PoolView</name>
    <message>
        <source>CPU use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change the number of nodes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colour by CPU use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colour by memory use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colour by state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colour the nodes by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete pool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete pool {pool} and its node? Tasks running on it are stopped. This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete pool {pool} and its {count} nodes? Tasks running on them are stopped. This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete pool…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the pool and its nodes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter nodes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter nodes by id, IP address or error (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading nodes…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nodes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nodes of pool %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nodes of pool %1 by %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nodes of pool %1 by state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One row per node; Enter opens it, the context menu acts on the selected nodes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One tile per node; the arrow keys walk the nodes, each said in words, Enter opens one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open node {node}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pool {pool}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reboot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reboot node {node}? Tasks running on them are requeued.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reboot nodes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reboot nodes…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reboot the selected nodes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reboot {count} nodes? Tasks running on them are requeued.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove node {node} from pool {pool}? Tasks running on them are requeued.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove nodes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove nodes…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the selected nodes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove {count} nodes from pool {pool}? Tasks running on them are requeued.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resize…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the selected node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shows only the nodes whose id, IP address or error contains this text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State, or CPU or memory use from the node sampler&apos;s figures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop resize</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the resize under way</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>memory use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nodes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pool {pool}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>state</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PoolWizard</name>
    <message>
        <source>Choose another ID, such as &apos;{}&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create pool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New pool for MPI tasks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pool &apos;{}&apos; already exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is the pool exactly as it will be created.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Profiles</name>
    <message>
        <source>Local Batch is always there: it cannot be removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read {path}: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write {path}: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid profile entry: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid proxy setting in {path}: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>profile names must be unique</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the selected profile &apos;{name}&apos; does not exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>there is no profile named &apos;{name}&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown profile kind &apos;{kind}&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} has schema version {version}; this version of MPI Explorer reads {supported}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProxyForm</name>
    <message>
        <source>Local Batch and Azurite, on this computer, are always reached directly, whatever this says.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None: connect directly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proxy URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proxy:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The system&apos;s (http_proxy, https_proxy, no_proxy)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This proxy:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional; kept in the keyring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stored — leave empty to keep it</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RankChecks</name>
    <message>
        <source>Start {fix_to} processes, unless fewer is what you want.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start {places} processes, or use {fitting} instances.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start {places} processes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The application command starts {ranks} MPI process (-n {ranks}), but {what} make {places} places: some nodes would run nothing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The application command starts {ranks} MPI processes (-n {ranks}), but {what} make {places} places: some nodes would run nothing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The application command starts {ranks} MPI processes (-n {ranks}), but {what} make {places}: Open MPI refuses to start, MPICH and Intel MPI put more processes on a node than asked for.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} instance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} instances</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} process</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} processes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{instances} instances (one node each)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{instances} × {per_node} per node</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Ranks</name>
    <message>
        <source>&apos;{part}&apos; is not a range of ranks: write the lower rank first, like 2-5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;{part}&apos; is not a rank: type rank numbers, like 0, 2-5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;{part}&apos; spans more than 10,000 ranks: narrow it</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Rerun</name>
    <message>
        <source>1 file, {bytes} bytes, to {where}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A file must be copied, but the target account has no linked storage: link one in Connection &gt; Accounts…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A pool named {pool} exists there already: choose it, or another name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read task {task} of job {job}: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job {job} exists there ({state}, on pool {pool}): choose another job id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job {job} there has a task {task} already: choose another task id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pool {pool} was created for this run and is kept: delete it in its pool view if unwanted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running on the other account stopped at “{step}”: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task {task} is not a multi-instance task: only those can be run on another account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undone: {undone}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>auto-storage container {container}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>downloaded with a managed identity: the target pool needs the same identity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ids free, pool {pool} fits the task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ids free, pool {pool} fits the task, job {job} reused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>job {job} could not be deleted ({reason}): delete it in the job view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>job {job} created on pool {pool}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>job {job} deleted again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not in the source account&apos;s storage: the target&apos;s nodes download it from where it is</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nothing to copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pool {pool} created ({size}, 1 node)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pool {pool} created ({size}, {count} nodes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>task {task} added to job {job}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the copied file deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the target account&apos;s auto-storage must have this container</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the {count} copied files deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} files must be copied, but the target account has no linked storage: link one in Connection &gt; Accounts…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} files, {bytes} bytes, to {where}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file} is in the source storage, which is not reachable now.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RerunSteps</name>
    <message>
        <source>check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>copy files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>create job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>create pool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>submit task</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ResizePoolDialog</name>
    <message>
        <source>Dedicated nodes:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Low-priority (spot) nodes:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nodes leaving the pool have their running tasks requeued.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resize</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resize pool {pool}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resize pool {pool} to these node counts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The number of dedicated nodes the pool is to have</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The number of low-priority (spot) nodes the pool is to have: cheaper, but they may be preempted</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ResourceFileRow</name>
    <message>
        <source>&apos;{}&apos; is not uploaded yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also set, though this source does not use it: {}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blob prefix:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a file to upload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the local file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear the values this source does not use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mode:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No local file is chosen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Press Browse… to choose the file to upload.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Press Upload to send it to the linked storage; the row then holds its download link.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove this file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save under:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upload the local file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a container of the account&apos;s linked storage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a directory relative to the task directory, or empty for the directory itself</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a file on this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 0755 (Linux)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional: only blobs whose names start with this</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>relative to the task directory</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ResourceFilesEditor</name>
    <message>
        <source>Add a resource file to {}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Auto-storage container</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blob prefix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTTP URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTTP URL (one file)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local file to upload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No files.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resource file {}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Storage container URL</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <source>Could not export to {}: {}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export JSON to a file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export JSON…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported to {}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The JSON that will be sent</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RunElsewhereDialog</name>
    <message>
        <source>1 pool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A pool with inter-node communication and one task slot per node, created before the task is submitted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account to run on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the account first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the account to run on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare the two runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected to {name}: {pools}. {problem}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected to {name}: {pools}; {storage}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting to {name}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create a new pool there…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dedicated nodes:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job id:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MPI-ready for this task.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New pool there</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On the node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pool id:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pool there</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pool there:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resource files:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run there</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run {task} on another account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running on {name}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something went wrong: {e}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Steps of the run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Steps:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submitted: task {task} of job {job} on pool {pool} there. Compare the two runs as it goes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task id:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task {task} of job {job}, not submitted on {source}: sent to another account instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task {task} of job {job}, on {source}: the same task on another account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That pool cannot run a multi-instance task: choose another, or create one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no other account: add one in Connection &gt; Accounts…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VM size:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What becomes of each resource file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What happens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot be copied: that account has no linked storage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>copied to its storage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>every instance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>files go to its storage {s}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it has no linked storage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>job id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kept as it is</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pool id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>task id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the primary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>uploaded to its storage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} pools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{task}: {source} and {target} side by side</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RunPanel</name>
    <message>
        <source>0 (primary)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From the coordination command&apos;s start to the application command&apos;s: Batch does not report when a coordination command ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time spent in each phase, per instance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>exit code {code}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no exit code yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Samples</name>
    <message>
        <source>Cannot publish the sample programs to {url}: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ServiceErrors</name>
    <message>
        <source>A completed job takes no new tasks: create a new job.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A job being terminated takes no new tasks: create a new job.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose an existing job, or create a new one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose another job, or create a new one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose another pool ID; IDs are unique within the account (case-insensitively).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose another pool, or create one for MPI tasks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose another task ID; IDs are unique within a job (case-insensitively).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose this job under &apos;Existing job&apos;, or give the new job another ID.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correct the value the message names, then submit again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete an unused pool, or ask for a higher pool quota.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enable the job, or create a new one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wait until the old pool is deleted, or choose another pool ID.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ServiceEvent</name>
    <message>
        <source>Local Batch stopped unexpectedly ({how}) and could not be restarted: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local Batch stopped unexpectedly ({how}) at {time}; restarted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local Batch stopped unexpectedly ({how}); restarting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it stopped {count} times within {seconds} s; see {log}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>&apos;{}&apos; is not a whole number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batch&apos;s default, 7 days — e.g. P1D</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batch&apos;s default, no retries — -1 retries forever</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter 0 for no retries or -1 to retry forever, or leave it empty for Batch&apos;s default.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Environment:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MPI launchers that start ranks over SSH need the same account on every node: a pool-scoped auto-user is the usual choice on Linux.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Max retries:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Max wall-clock time:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retention time:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run as:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no limit — ISO 8601, e.g. PT1H30M</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SharedKeyForm</name>
    <message>
        <source>Access key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The account URL or name changed: enter its key again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>myaccount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>primary or secondary key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stored — leave empty to keep it</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SignIn</name>
    <message>
        <source>Entra ID sign-in needs an https:// account URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No web browser can be opened from here: choose the device-code sign-in and use a browser elsewhere.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing in to Microsoft Entra ID did not complete: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Azure CLI (az) is not on PATH: install it and run `az login`, or choose the browser or device-code sign-in.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SpecWizard</name>
    <message>
        <source>Submission failed: {}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submitting…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StartTaskPage</name>
    <message>
        <source>Choose a preset…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Command:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Environment:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local files are uploaded for tasks only: give the start task a URL or a container.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preset:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resource files:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run a start task on every node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run as:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run tasks on a node only after its start task succeeded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start task command</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start task resource files</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>States</name>
    <message>
        <source>active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>creating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>deallocated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>deallocating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>deleting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>disabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>disabling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>enabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>enabling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>idle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>leavingpool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>preempted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>preparing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rebooting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reimaging</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>resizing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>starting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>starttaskfailed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>steady</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stopping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>terminating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unusable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>upgrading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>upgradingos</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>waitingforstarttask</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Storage</name>
    <message>
        <source>&apos;{container}&apos; is not a container name: use 3-63 lowercase letters, digits and single hyphens.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create container {container}: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot list {blobs} in {account}: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read {blob} from {account}: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read {path}: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not get a user delegation key from {account}: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uploading {blob} failed: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your Entra ID sign-in may not {doing} ({code}): on storage account {account}, Access control (IAM) &gt; Add role assignment, {grant}. Role assignments can take a few minutes to apply.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>create containers in it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>grant your user the &quot;{role}&quot; role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>grant your user the &quot;{role}&quot; role (&quot;{contributor}&quot; covers it too, and uploads)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sign SAS URLs for it (Get User Delegation Key)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>upload to it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{first} and {second} have the same name; they would be one blob.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} is not a file.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StorageBox</name>
    <message>
        <source>Blob endpoint:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Linked storage, for uploading local files (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in with Entra ID, no key (user-delegation SAS; needs the Storage Blob Data Contributor role)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Storage account:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Storage key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mystorage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stored — leave empty to keep it</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SubtaskModel</name>
    <message>
        <source>0 (primary)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exit code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Instance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TableEditor</name>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the selected rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select all rows</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TargetPage</name>
    <message>
        <source>A new job: it is created on the pool below when you submit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About the job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the task to an open job, or type a new job ID to create that job on a pool when you submit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Display name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open job on pool &apos;{}&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pool:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task ID:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an open job, or a new job ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>letters, digits, &apos;-&apos; and &apos;_&apos;, at most 64</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TaskImport</name>
    <message>
        <source>Cannot import the task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read the file: {reason}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{} is not a multi-instance task that MPI Explorer can open.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TaskNotifications</name>
    <message>
        <source>%1, in job %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Notify when tasks end</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A desktop notification when a task opened in this session ends</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task %1 completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task %1 failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>exit code %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>on {profile}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TaskTableModel</name>
    <message>
        <source>1 task: {active} active, {running} running, {completed} completed ({succeeded} succeeded, {failed} failed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exit code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Instances</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} tasks: {active} active, {running} running, {completed} completed ({succeeded} succeeded, {failed} failed)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TaskView</name>
    <message>
        <source>%1 failed %2 on node %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, exit code %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Task {task}&lt;/b&gt; in job {job}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coordination command of instance {number} ({where})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coordination progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete task {task} and its files on every node?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exit code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Instance %1 (subtask %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Instance output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Instances</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its %1 could not be read: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its %1 is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open its files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select an instance to read its coordination output.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task {task}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Terminate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Terminate task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Terminate task {task}? Every instance is stopped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The application command did not run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The application command runs on the primary once every instance is ready.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The command has not started yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The coordination command of {who} did not run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The coordination command of {who} has not started yet (its node is downloading the common files).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The last lines of its %1:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The phases of every instance; Up and Down walk the instances, each said in words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The primary (instance 0)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The primary and the subtasks: state, exit code, node, failure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The task is queued: the coordination command of {who} has not started.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timeline of the instances</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why the task is queued, read off its job, pool and nodes as last polled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>coordination output of {where}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>coordination stderr</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>coordination stdout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>does not exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in its coordination command</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in the application command</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>instance {number}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>output of the application command (primary)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>subtask {number}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>subtask {number} on {node}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the primary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>while downloading its resource files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{field}:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{where} on {node}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>—</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TaskWizard</name>
    <message>
        <source>Check the connection and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose an open job from the list, or enter a new job ID.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose another pool, or create one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose another task ID, such as &apos;{}&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import JSON…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import task JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job &apos;{}&apos; already exists but takes no new tasks (it is not active).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job &apos;{}&apos; already has a task &apos;{}&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New multi-instance MPI task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run on another account…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run this task on another account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send this task, as it stands, to another account&apos;s pool instead of submitting it here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The last task on this pool had files with access tokens, which are never stored, so neither its files nor the commands that use them were kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The task JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The upload was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no other account: add one in Connection &gt; Accounts…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is the task exactly as it will be sent; Submit sends it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Validation</name>
    <message>
        <source>Ask for at least 1 dedicated or low-priority node.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask for at most {most} nodes in total.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batch&apos;s default of 7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the pool the job&apos;s tasks run on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a size such as Standard_D2s_v3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter it, for example &apos;{example}&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inter-node communication is off, so multi-instance (MPI) tasks would wait in this pool forever.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No pool is chosen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shorten it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task slots per node is {slots}; Batch runs multi-instance tasks only on pools with 1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task slots per node is {slots}; a node needs at least one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The VM size &apos;{size}&apos; contains spaces.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The VM size is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The display name is {length} characters long; Batch allows at most {most}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The image SKU is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The image node agent SKU is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The image offer is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The image publisher is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The image version is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The maximum retry count is {retries}; Batch accepts 0 or more, or -1 for unlimited retries.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The number of dedicated nodes is {count}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The number of instances is {count}; a task needs at least one node.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The number of low-priority nodes is {count}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The pool asks for {count} nodes; Azure Batch pools with inter-node communication reach at most {most} (80 in user-subscription mode), so it would stop short.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The pool has no nodes, so no task could run on it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turn inter-node communication on; it cannot be changed after the pool is created.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use 0 for no retries.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use 0 or more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use 1 or more instances.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use 1 task slot per node, and run several MPI processes per node instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use 1 task slot per node.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use at most {most} instances, and more processes per node if you need more ranks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VM sizes are single words such as Standard_D2s_v3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>application command</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>coordination command</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>job ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>maximum wall-clock time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pool ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>retention time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>start task command</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>task ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} instances is more than the {most} nodes Azure Batch lets a pool with inter-node communication have (80 in user-subscription mode): there the task would never start.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WaitReasons</name>
    <message>
        <source>1 idle node is there: the task starts at the service&apos;s next scheduling pass.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job {job} is {state}: its tasks are not scheduled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs 1 idle node: {seen}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs 1 idle node: {seen}. Resize the pool, or re-enable scheduling on its nodes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs {count} idle nodes at once: {seen}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs {count} idle nodes at once: {seen}. Resize the pool, or re-enable scheduling on its nodes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs {nodes} at once, but pool {pool} is set to have {target} (resizing to it): resize it to at least {needed}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs {nodes} at once, but pool {pool} is set to have {target}: resize it to at least {needed}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pool {pool} does not exist: create it, or move the job to another pool.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pool {pool} has {slots} task slots per node: a multi-instance task runs only on pools with 1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pool {pool} is being deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pool {pool} is resizing to {nodes} ({current} now).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pool {pool} lacks inter-node communication: a multi-instance task never runs on it. Use a pool created with inter-node communication enabled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the pool has no nodes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} idle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} idle nodes are there: the task starts at the service&apos;s next scheduling pass.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} nodes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} running tasks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} running with free slots</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} scheduling disabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} starting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} unavailable</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
