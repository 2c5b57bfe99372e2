<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>&lt;b&gt;Versions&lt;/b&gt;{versions}&lt;br&gt;&lt;b&gt;Files&lt;/b&gt;{files}</source>
        <translation>&lt;b&gt;Versionen&lt;/b&gt;{versions}&lt;br&gt;&lt;b&gt;Dateien&lt;/b&gt;{files}</translation>
    </message>
    <message>
        <source>&lt;h2&gt;MPI Explorer {version}&lt;/h2&gt;&lt;p&gt;Submit, watch and debug MPI multi-instance tasks on Azure Batch,&lt;br&gt;or on this machine with Local Batch.&lt;/p&gt;&lt;p&gt;MIT licence.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;MPI Explorer {version}&lt;/h2&gt;&lt;p&gt;MPI-Tasks mit mehreren Instanzen in Azure Batch übermitteln, beobachten und debuggen,&lt;br&gt;oder auf diesem Computer mit Local Batch.&lt;/p&gt;&lt;p&gt;MIT-Lizenz.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>About MPI Explorer</source>
        <translation>Über MPI Explorer</translation>
    </message>
    <message>
        <source>Copies the versions and the places of the files, for a support request</source>
        <translation>Kopiert die Versionen und die Speicherorte der Dateien, für eine Supportanfrage</translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation>Details kopieren</translation>
    </message>
    <message>
        <source>Local Batch</source>
        <translation>Local Batch</translation>
    </message>
    <message>
        <source>Local Batch log</source>
        <translation>Local Batch-Protokoll</translation>
    </message>
    <message>
        <source>Local Batch state</source>
        <translation>Local Batch-Zustand</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <source>Open log folder</source>
        <translation>Protokollordner öffnen</translation>
    </message>
    <message>
        <source>Settings and profiles</source>
        <translation>Einstellungen und Profile</translation>
    </message>
    <message>
        <source>Shows the folder of the log files in the file manager</source>
        <translation>Zeigt den Ordner der Protokolldateien im Dateimanager</translation>
    </message>
    <message>
        <source>not installed</source>
        <translation>nicht installiert</translation>
    </message>
</context>
<context>
    <name>AccountChecks</name>
    <message>
        <source>Could not connect to {endpoint}: {reason}</source>
        <translation>Verbindung mit {endpoint} nicht möglich: {reason}</translation>
    </message>
    <message>
        <source>Could not reach {endpoint}: {reason}</source>
        <translation>{endpoint} ist nicht erreichbar: {reason}</translation>
    </message>
    <message>
        <source>the environment&apos;s {variable}</source>
        <translation>{variable} aus der Umgebung</translation>
    </message>
    <message>
        <source>the proxy setting in Connection &gt; Accounts…</source>
        <translation>die Proxy-Einstellung unter Verbindung &gt; Konten…</translation>
    </message>
    <message>
        <source>{endpoint} answered 404: is this the account URL shown on the account&apos;s overview page?</source>
        <translation>{endpoint} antwortete mit 404: Ist das die Konto-URL, die auf der Übersichtsseite des Kontos steht?</translation>
    </message>
    <message>
        <source>{endpoint} answered {reason}.</source>
        <translation>{endpoint} antwortete mit {reason}.</translation>
    </message>
    <message>
        <source>{endpoint} refused the credentials ({reason}): check the account name and key (or, for Entra ID, that your user has a role on the account).</source>
        <translation>{endpoint} hat die Anmeldedaten abgelehnt ({reason}): Prüfen Sie Kontoname und Schlüssel (bzw. bei Entra ID, ob Ihr Benutzer eine Rolle für das Konto hat).</translation>
    </message>
    <message>
        <source>{reason} — the request went through the proxy {proxy} ({source}). Check that the proxy runs and lets this host through, or set the proxy to “none” in Connection &gt; Accounts… &gt; Proxy (or add the host to NO_PROXY).</source>
        <translation>{reason} – die Anfrage ging über den Proxy {proxy} ({source}). Prüfen Sie, ob der Proxy läuft und diesen Host durchlässt, oder stellen Sie den Proxy unter Verbindung &gt; Konten… &gt; Proxy auf „Keiner“ (oder tragen Sie den Host in NO_PROXY ein).</translation>
    </message>
</context>
<context>
    <name>AccountKinds</name>
    <message>
        <source>Azure Batch, Microsoft Entra ID</source>
        <translation>Azure Batch, Microsoft Entra ID</translation>
    </message>
    <message>
        <source>Azure Batch, shared key</source>
        <translation>Azure Batch, gemeinsam verwendeter Schlüssel</translation>
    </message>
    <message>
        <source>Local Batch</source>
        <translation>Local Batch</translation>
    </message>
</context>
<context>
    <name>AccountsDialog</name>
    <message>
        <source>Accounts</source>
        <translation>Konten</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Azure Batch account with Microsoft Entra ID…</source>
        <translation>Azure Batch-Konto mit Microsoft Entra ID…</translation>
    </message>
    <message>
        <source>Azure Batch account with a shared key…</source>
        <translation>Azure Batch-Konto mit gemeinsam verwendetem Schlüssel…</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Verbinden</translation>
    </message>
    <message>
        <source>Connect with what the form says and list what the account has</source>
        <translation>Mit den Angaben im Formular verbinden und auflisten, was das Konto enthält</translation>
    </message>
    <message>
        <source>Could not connect. {error}</source>
        <translation>Verbindung nicht möglich. {error}</translation>
    </message>
    <message>
        <source>Fix the fields marked in red first.</source>
        <translation>Korrigieren Sie zuerst die rot markierten Felder.</translation>
    </message>
    <message>
        <source>From Azure: sign in and pick accounts…</source>
        <translation>Aus Azure: anmelden und Konten auswählen…</translation>
    </message>
    <message>
        <source>Local Batch on another data folder…</source>
        <translation>Local Batch mit einem anderen Datenordner…</translation>
    </message>
    <message>
        <source>MPI Explorer opens on “{name}” from now on.</source>
        <translation>MPI Explorer öffnet ab jetzt mit „{name}“.</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Network proxy</source>
        <translation>Netzwerkproxy</translation>
    </message>
    <message>
        <source>New Azure Batch account (Microsoft Entra ID)</source>
        <translation>Neues Azure Batch-Konto (Microsoft Entra ID)</translation>
    </message>
    <message>
        <source>New Azure Batch account (shared key)</source>
        <translation>Neues Azure Batch-Konto (gemeinsam verwendeter Schlüssel)</translation>
    </message>
    <message>
        <source>New Local Batch</source>
        <translation>Neues Local Batch</translation>
    </message>
    <message>
        <source>No key is stored for this account: enter it and Save.</source>
        <translation>Für dieses Konto ist kein Schlüssel gespeichert: Geben Sie ihn ein und klicken Sie auf „Speichern“.</translation>
    </message>
    <message>
        <source>Open the window on this account</source>
        <translation>Das Fenster mit diesem Konto öffnen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Remove account</source>
        <translation>Konto entfernen</translation>
    </message>
    <message>
        <source>Remove “{name}” from MPI Explorer, with the keys stored for it?

The Batch account itself is not touched.</source>
        <translation>„{name}“ mitsamt den dafür gespeicherten Schlüsseln aus MPI Explorer entfernen?

Das Batch-Konto selbst bleibt unverändert.</translation>
    </message>
    <message>
        <source>Removed “{name}”.</source>
        <translation>„{name}“ entfernt.</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Save proxy</source>
        <translation>Proxy speichern</translation>
    </message>
    <message>
        <source>Saved “{name}”.</source>
        <translation>„{name}“ gespeichert.</translation>
    </message>
    <message>
        <source>Saved “{name}”. Its key is in the keyring.</source>
        <translation>„{name}“ gespeichert. Der Schlüssel liegt im Schlüsselbund.</translation>
    </message>
    <message>
        <source>Saved “{name}”. Its key is kept for this session only (no keyring).</source>
        <translation>„{name}“ gespeichert. Der Schlüssel wird nur für diese Sitzung aufbewahrt (kein Schlüsselbund).</translation>
    </message>
    <message>
        <source>Saved. It applies to the next connection (Connection menu, or Connect).</source>
        <translation>Gespeichert. Gilt ab der nächsten Verbindung (Menü „Verbindung“ oder „Verbinden“).</translation>
    </message>
    <message>
        <source>Set as default</source>
        <translation>Als Standard festlegen</translation>
    </message>
    <message>
        <source>Signed out of “{name}”: the next connection asks you to sign in again.</source>
        <translation>Von „{name}“ abgemeldet: Bei der nächsten Verbindung werden Sie erneut zur Anmeldung aufgefordert.</translation>
    </message>
    <message>
        <source>Something went wrong: {error}</source>
        <translation>Etwas ist schiefgegangen: {error}</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>Testen</translation>
    </message>
    <message>
        <source>Testing… (connecting and listing pools and jobs)</source>
        <translation>Test läuft… (Verbindung wird hergestellt, Pools und Jobs werden aufgelistet)</translation>
    </message>
    <message>
        <source>The account the window opens on</source>
        <translation>Das Konto, mit dem das Fenster öffnet</translation>
    </message>
    <message>
        <source>This account comes from AZURE_BATCH_ENDPOINT, AZURE_BATCH_ACCOUNT and AZURE_BATCH_ACCESS_KEY in the environment; it is not saved. Test and Connect use it as it is.</source>
        <translation>Dieses Konto stammt aus AZURE_BATCH_ENDPOINT, AZURE_BATCH_ACCOUNT und AZURE_BATCH_ACCESS_KEY in der Umgebung; es wird nicht gespeichert. „Testen“ und „Verbinden“ verwenden es unverändert.</translation>
    </message>
    <message>
        <source>as it appears in the Connection menu</source>
        <translation>wie er im Menü „Verbindung“ erscheint</translation>
    </message>
    <message>
        <source>connected</source>
        <translation>verbunden</translation>
    </message>
    <message>
        <source>default</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>⚠ {remedy} Keys you save now are kept for this session only.</source>
        <translation>⚠ {remedy} Schlüssel, die Sie jetzt speichern, werden nur für diese Sitzung aufbewahrt.</translation>
    </message>
    <message>
        <source>✓ {summary}</source>
        <translation>✓ {summary}</translation>
    </message>
</context>
<context>
    <name>AddFromAzureDialog</name>
    <message>
        <source>1 Batch account</source>
        <translation>1 Batch-Konto</translation>
    </message>
    <message>
        <source>1 subscription</source>
        <translation>1 Abonnement</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <source>Add Batch accounts from Azure</source>
        <translation>Batch-Konten aus Azure hinzufügen</translation>
    </message>
    <message>
        <source>Add checked accounts</source>
        <translation>Markierte Konten hinzufügen</translation>
    </message>
    <message>
        <source>Added {names}. Choose one in the Connection menu, or Connect in Accounts.</source>
        <translation>{names} hinzugefügt. Wählen Sie eines im Menü „Verbindung“ oder unter „Konten“ mit „Verbinden“.</translation>
    </message>
    <message>
        <source>Cloud:</source>
        <translation>Cloud:</translation>
    </message>
    <message>
        <source>Pool allocation</source>
        <translation>Poolzuordnung</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Region</translation>
    </message>
    <message>
        <source>Resource group</source>
        <translation>Ressourcengruppe</translation>
    </message>
    <message>
        <source>Sign in and list accounts</source>
        <translation>Anmelden und Konten auflisten</translation>
    </message>
    <message>
        <source>Sign in with:</source>
        <translation>Anmelden mit:</translation>
    </message>
    <message>
        <source>Signing in and listing your subscriptions…</source>
        <translation>Anmeldung und Auflisten Ihrer Abonnements…</translation>
    </message>
    <message>
        <source>Something went wrong: {error}</source>
        <translation>Etwas ist schiefgegangen: {error}</translation>
    </message>
    <message>
        <source>Subscription</source>
        <translation>Abonnement</translation>
    </message>
    <message>
        <source>Tenant:</source>
        <translation>Mandant:</translation>
    </message>
    <message>
        <source>Use each account&apos;s shared key (and its auto-storage&apos;s key), read with list keys, instead of Entra ID</source>
        <translation>Statt Entra ID den gemeinsam verwendeten Schlüssel jedes Kontos (und den seines automatischen Speicherkontos) verwenden, per „Schlüssel auflisten“ gelesen</translation>
    </message>
    <message>
        <source>your home tenant (or a GUID / contoso.onmicrosoft.com)</source>
        <translation>Ihr Basismandant (oder eine GUID / contoso.onmicrosoft.com)</translation>
    </message>
    <message>
        <source>{accounts} in {subscriptions}. Check the ones to add.</source>
        <translation>{accounts} in {subscriptions}. Markieren Sie die hinzuzufügenden.</translation>
    </message>
    <message>
        <source>{count} Batch accounts</source>
        <translation>{count} Batch-Konten</translation>
    </message>
    <message>
        <source>{count} subscriptions</source>
        <translation>{count} Abonnements</translation>
    </message>
</context>
<context>
    <name>AppTexts</name>
    <message>
        <source>Connected, but the choice of profile was not saved: {error}</source>
        <translation>Verbunden, aber die Profilauswahl wurde nicht gespeichert: {error}</translation>
    </message>
    <message>
        <source>MPI Explorer</source>
        <translation>MPI Explorer</translation>
    </message>
    <message>
        <source>The sample {name}</source>
        <translation>Das Beispiel {name}</translation>
    </message>
    <message>
        <source>{error}

Only Local Batch is offered until the file is fixed.</source>
        <translation>{error}

Bis die Datei korrigiert ist, wird nur Local Batch angeboten.</translation>
    </message>
</context>
<context>
    <name>Azurite</name>
    <message>
        <source>Another Azurite holds {location} and does not answer; see {log}</source>
        <translation>Ein anderes Azurite belegt {location} und antwortet nicht; siehe {log}</translation>
    </message>
    <message>
        <source>Azurite did not answer on port {port} within {seconds} s; see {log}</source>
        <translation>Azurite hat auf Port {port} nicht innerhalb von {seconds} s geantwortet; siehe {log}</translation>
    </message>
    <message>
        <source>Azurite exited with code {code} before it was ready; see {log}</source>
        <translation>Azurite wurde mit Code {code} beendet, bevor es bereit war; siehe {log}</translation>
    </message>
    <message>
        <source>Azurite is already running</source>
        <translation>Azurite läuft bereits</translation>
    </message>
    <message>
        <source>Azurite is not installed: run `npm install --no-save --no-package-lock azurite@3` in {repository} (or set AZURITE_BLOB to an azurite-blob executable)</source>
        <translation>Azurite ist nicht installiert: Führen Sie `npm install --no-save --no-package-lock azurite@3` in {repository} aus (oder setzen Sie AZURITE_BLOB auf eine ausführbare azurite-blob-Datei)</translation>
    </message>
</context>
<context>
    <name>BaseView</name>
    <message>
        <source>it does not exist</source>
        <translation>es existiert nicht</translation>
    </message>
    <message>
        <source>show {what}</source>
        <translation>{what} anzeigen</translation>
    </message>
</context>
<context>
    <name>BatchJson</name>
    <message>
        <source>&quot;{text}&quot; is not one of {allowed}.</source>
        <translation>„{text}“ ist keiner der Werte {allowed}.</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>eine Zeichenkette</translation>
    </message>
    <message>
        <source>a whole number</source>
        <translation>eine ganze Zahl</translation>
    </message>
    <message>
        <source>an ISO-8601 duration string such as &quot;PT1H&quot;</source>
        <translation>eine Dauer nach ISO 8601 als Zeichenkette, z. B. „PT1H“</translation>
    </message>
    <message>
        <source>an array</source>
        <translation>ein Array</translation>
    </message>
    <message>
        <source>an array [...]</source>
        <translation>ein Array [...]</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>ein Objekt</translation>
    </message>
    <message>
        <source>an object {{...}}</source>
        <translation>ein Objekt {{...}}</translation>
    </message>
    <message>
        <source>expected a task object {{...}}, as `az batch task create --json-file` takes.</source>
        <translation>Erwartet wird ein Task-Objekt {{...}}, wie es `az batch task create --json-file` annimmt.</translation>
    </message>
    <message>
        <source>expected an object {{...}}, got {value}.</source>
        <translation>Erwartet wird ein Objekt {{...}}, gefunden wurde {value}.</translation>
    </message>
    <message>
        <source>expected {description}, got {value}.</source>
        <translation>Erwartet wird {description}, gefunden wurde {value}.</translation>
    </message>
    <message>
        <source>not valid JSON: {reason} at line {line}, column {column}.</source>
        <translation>Kein gültiges JSON: {reason} in Zeile {line}, Spalte {column}.</translation>
    </message>
    <message>
        <source>null</source>
        <translation>null</translation>
    </message>
    <message>
        <source>one of {allowed}</source>
        <translation>einer der Werte {allowed}</translation>
    </message>
    <message>
        <source>required field &apos;{key}&apos; ({description}) is missing; add it.</source>
        <translation>Das Pflichtfeld „{key}“ ({description}) fehlt; fügen Sie es hinzu.</translation>
    </message>
    <message>
        <source>required field &apos;{key}&apos; is missing; &apos;{spelled}&apos; is there, but names are case-sensitive.</source>
        <translation>Das Pflichtfeld „{key}“ fehlt; „{spelled}“ ist vorhanden, aber bei Namen wird zwischen Groß- und Kleinschreibung unterschieden.</translation>
    </message>
    <message>
        <source>required field &apos;{key}&apos; is missing; did you mean to rename &apos;{near}&apos; to &apos;{key}&apos;?</source>
        <translation>Das Pflichtfeld „{key}“ fehlt; wollten Sie „{near}“ in „{key}“ umbenennen?</translation>
    </message>
    <message>
        <source>required field &apos;{key}&apos; is null; set it to {description}.</source>
        <translation>Das Pflichtfeld „{key}“ ist null; geben Sie {description} an.</translation>
    </message>
    <message>
        <source>the number {value}</source>
        <translation>die Zahl {value}</translation>
    </message>
    <message>
        <source>the string {value}</source>
        <translation>die Zeichenkette {value}</translation>
    </message>
    <message>
        <source>the value {value}</source>
        <translation>der Wert {value}</translation>
    </message>
    <message>
        <source>the {kind} {value}</source>
        <translation>der Wert {value} (Typ {kind})</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>true oder false</translation>
    </message>
    <message>
        <source>unknown or unsupported field &apos;{key}&apos;; MPI Explorer reads only {fields}; remove it.</source>
        <translation>Unbekanntes oder nicht unterstütztes Feld „{key}“; MPI Explorer liest nur {fields}; entfernen Sie es.</translation>
    </message>
    <message>
        <source>unknown or unsupported field &apos;{key}&apos;; did you mean &apos;{near}&apos;?</source>
        <translation>Unbekanntes oder nicht unterstütztes Feld „{key}“; meinten Sie „{near}“?</translation>
    </message>
    <message>
        <source>{{numberOfInstances, coordinationCommandLine}}, without which this is not a multi-instance task</source>
        <translation>{{numberOfInstances, coordinationCommandLine}}, ohne das dies kein Task mit mehreren Instanzen ist</translation>
    </message>
</context>
<context>
    <name>CompareView</name>
    <message>
        <source> (the same)</source>
        <translation> (gleich)</translation>
    </message>
    <message>
        <source> (they differ)</source>
        <translation> (unterschiedlich)</translation>
    </message>
    <message>
        <source>Both finished: exit codes {a} and {b}{same}; longest instance {ta} and {tb}.</source>
        <translation>Beide beendet: Exitcodes {a} und {b}{same}; längste Instanz {ta} und {tb}.</translation>
    </message>
    <message>
        <source>Difference of the primaries&apos; output</source>
        <translation>Unterschied der Ausgaben der primären Instanzen</translation>
    </message>
    <message>
        <source>Only the first {kib} KiB of {label}&apos;s output are compared.</source>
        <translation>Von der Ausgabe von {label} werden nur die ersten {kib} KiB verglichen.</translation>
    </message>
    <message>
        <source>Output of the primary (stdout.txt): {first} against {second}</source>
        <translation>Ausgabe der primären Instanz (stdout.txt): {first} gegenüber {second}</translation>
    </message>
    <message>
        <source>Read again</source>
        <translation>Erneut lesen</translation>
    </message>
    <message>
        <source>Reading both runs…</source>
        <translation>Beide Läufe werden gelesen…</translation>
    </message>
    <message>
        <source>Side-by-side comparison of two runs</source>
        <translation>Vergleich zweier Läufe nebeneinander</translation>
    </message>
    <message>
        <source>Something went wrong: {e}</source>
        <translation>Etwas ist schiefgegangen: {e}</translation>
    </message>
    <message>
        <source>Still running on {names}: read again every {s:.0f} s.</source>
        <translation>Läuft noch auf {names}: wird alle {s:.0f} s erneut gelesen.</translation>
    </message>
    <message>
        <source>The two outputs are the same ({n} lines).</source>
        <translation>Die beiden Ausgaben sind gleich ({n} Zeilen).</translation>
    </message>
</context>
<context>
    <name>Comparison</name>
    <message>
        <source>Could not read the run of {task} on {account}: {reason}</source>
        <translation>Der Lauf von {task} auf {account} konnte nicht gelesen werden: {reason}</translation>
    </message>
</context>
<context>
    <name>ConnectingPage</name>
    <message>
        <source>Accounts…</source>
        <translation>Konten…</translation>
    </message>
    <message>
        <source>Connecting</source>
        <translation>Verbindung wird hergestellt</translation>
    </message>
    <message>
        <source>Connecting to “{profile}”…</source>
        <translation>Verbindung mit „{profile}“ wird hergestellt…</translation>
    </message>
    <message>
        <source>Could not connect to “{profile}”</source>
        <translation>Verbindung mit „{profile}“ nicht möglich</translation>
    </message>
    <message>
        <source>Its pools and jobs show as soon as the account answers.</source>
        <translation>Seine Pools und Jobs erscheinen, sobald das Konto antwortet.</translation>
    </message>
    <message>
        <source>Local Batch runs on this computer; it takes a moment to start. Its pools and jobs show as soon as it answers.</source>
        <translation>Local Batch läuft auf diesem Computer; der Start dauert einen Moment. Seine Pools und Jobs erscheinen, sobald es antwortet.</translation>
    </message>
    <message>
        <source>Open Local Batch instead</source>
        <translation>Stattdessen Local Batch öffnen</translation>
    </message>
    <message>
        <source>Starting Local Batch…</source>
        <translation>Local Batch wird gestartet…</translation>
    </message>
    <message>
        <source>The connection is being made</source>
        <translation>Die Verbindung wird hergestellt</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Erneut versuchen</translation>
    </message>
</context>
<context>
    <name>ConnectionStatusBar</name>
    <message>
        <source>Retry now</source>
        <translation>Jetzt erneut versuchen</translation>
    </message>
    <message>
        <source>Try to reach the service again without waiting</source>
        <translation>Den Dienst sofort erneut zu erreichen versuchen, ohne zu warten</translation>
    </message>
    <message>
        <source>connected</source>
        <translation>verbunden</translation>
    </message>
    <message>
        <source>connecting…</source>
        <translation>verbinde…</translation>
    </message>
    <message>
        <source>could not connect: {reason}</source>
        <translation>keine Verbindung möglich: {reason}</translation>
    </message>
    <message>
        <source>failed: {reason}</source>
        <translation>fehlgeschlagen: {reason}</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>keine Antwort</translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation>kein Grund angegeben</translation>
    </message>
    <message>
        <source>retrying in {seconds:.0f} s ({reason})</source>
        <translation>neuer Versuch in {seconds:.0f} s ({reason})</translation>
    </message>
    <message>
        <source>starting Local Batch…</source>
        <translation>Local Batch wird gestartet…</translation>
    </message>
    <message>
        <source>{profile}: {status}</source>
        <translation>{profile}: {status}</translation>
    </message>
    <message>
        <source>{reason}, through the proxy {proxy}</source>
        <translation>{reason}, über den Proxy {proxy}</translation>
    </message>
    <message>
        <source>●</source>
        <translation>●</translation>
    </message>
</context>
<context>
    <name>CoordinationProgress</name>
    <message>
        <source>An instance counts as ready when the service reports that its coordination command succeeded (Local Batch does as soon as it ends; Azure Batch only when the task ends). Once the application command starts, every instance was ready: Batch starts it only then.</source>
        <translation>Eine Instanz gilt als bereit, sobald der Dienst meldet, dass ihr Koordinationsbefehl erfolgreich war (Local Batch meldet es, sobald er endet; Azure Batch erst, wenn der Task endet). Sobald der Anwendungsbefehl startet, war jede Instanz bereit: Batch startet ihn erst dann.</translation>
    </message>
    <message>
        <source>waiting for the service to report the task</source>
        <translation>Warten, bis der Dienst den Task meldet</translation>
    </message>
</context>
<context>
    <name>Credentials</name>
    <message>
        <source>There is no usable system keyring (no Secret Service answers), so keys cannot be kept between sessions. Install and start one (e.g. gnome-keyring, or KeePassXC with its Secret Service), or opt in to a file keyring with `pip install keyrings.alt` and PYTHON_KEYRING_BACKEND=keyrings.alt.file.EncryptedKeyring.</source>
        <translation>Es gibt keinen nutzbaren Systemschlüsselbund (kein Secret Service antwortet), daher können Schlüssel nicht über Sitzungen hinweg aufbewahrt werden. Installieren und starten Sie einen (z. B. gnome-keyring oder KeePassXC mit Secret Service), oder verwenden Sie einen Dateischlüsselbund mit `pip install keyrings.alt` und PYTHON_KEYRING_BACKEND=keyrings.alt.file.EncryptedKeyring.</translation>
    </message>
    <message>
        <source>cannot delete &apos;{name}&apos; from the keyring: {kind}</source>
        <translation>„{name}“ kann nicht aus dem Schlüsselbund gelöscht werden: {kind}</translation>
    </message>
    <message>
        <source>cannot read &apos;{name}&apos; from the keyring: {kind}</source>
        <translation>„{name}“ kann nicht aus dem Schlüsselbund gelesen werden: {kind}</translation>
    </message>
    <message>
        <source>cannot store &apos;{name}&apos; in the keyring: {kind}</source>
        <translation>„{name}“ kann nicht im Schlüsselbund gespeichert werden: {kind}</translation>
    </message>
    <message>
        <source>no shared key stored for account &apos;{account}&apos;: enter it in Connection &gt; Accounts… (or set AZURE_BATCH_ACCESS_KEY for this run)</source>
        <translation>für das Konto „{account}“ ist kein gemeinsam verwendeter Schlüssel gespeichert: Geben Sie ihn unter Verbindung &gt; Konten… ein (oder setzen Sie AZURE_BATCH_ACCESS_KEY für diesen Start)</translation>
    </message>
</context>
<context>
    <name>DeviceCodeDialog</name>
    <message>
        <source>Copied</source>
        <translation>Kopiert</translation>
    </message>
    <message>
        <source>Copy code</source>
        <translation>Code kopieren</translation>
    </message>
    <message>
        <source>MPI Explorer waits for the sign-in and goes on by itself.</source>
        <translation>MPI Explorer wartet auf die Anmeldung und fährt dann von selbst fort.</translation>
    </message>
    <message>
        <source>Open browser</source>
        <translation>Browser öffnen</translation>
    </message>
    <message>
        <source>Sign in to Microsoft Entra ID</source>
        <translation>Bei Microsoft Entra ID anmelden</translation>
    </message>
    <message>
        <source>To sign in, open {link} in a browser (on this or any other device) and enter this code before {time}:</source>
        <translation>Öffnen Sie zum Anmelden {link} in einem Browser (auf diesem oder einem anderen Gerät) und geben Sie diesen Code vor {time} ein:</translation>
    </message>
</context>
<context>
    <name>Discovery</name>
    <message>
        <source>Could not list the Batch accounts of {subscription}: {reason}</source>
        <translation>Die Batch-Konten des Abonnements {subscription} konnten nicht aufgelistet werden: {reason}</translation>
    </message>
    <message>
        <source>Could not list your subscriptions: {reason}</source>
        <translation>Ihre Abonnements konnten nicht aufgelistet werden: {reason}</translation>
    </message>
    <message>
        <source>Could not read the endpoints of {account}&apos;s storage account {storage}: {reason}</source>
        <translation>Die Endpunkte des Speicherkontos {storage} von {account} konnten nicht gelesen werden: {reason}</translation>
    </message>
    <message>
        <source>Could not read the keys of {account}&apos;s storage account {storage}: {reason}</source>
        <translation>Die Schlüssel des Speicherkontos {storage} von {account} konnten nicht gelesen werden: {reason}</translation>
    </message>
    <message>
        <source>Could not read the keys of {account}: {reason}</source>
        <translation>Die Schlüssel von {account} konnten nicht gelesen werden: {reason}</translation>
    </message>
    <message>
        <source>Storage account {storage} gave no key: shared-key access may be turned off for it.</source>
        <translation>Das Speicherkonto {storage} hat keinen Schlüssel geliefert: Der Zugriff mit gemeinsam verwendetem Schlüssel ist dort vielleicht abgeschaltet.</translation>
    </message>
    <message>
        <source>{account} gave no key: shared-key access may be turned off for it.</source>
        <translation>{account} hat keinen Schlüssel geliefert: Der Zugriff mit gemeinsam verwendetem Schlüssel ist dort vielleicht abgeschaltet.</translation>
    </message>
</context>
<context>
    <name>Downloads</name>
    <message>
        <source>Cannot download the files: {reason}</source>
        <translation>Die Dateien können nicht heruntergeladen werden: {reason}</translation>
    </message>
    <message>
        <source>Cannot download {file}: {reason}</source>
        <translation>{file} kann nicht heruntergeladen werden: {reason}</translation>
    </message>
    <message>
        <source>Refusing to write the remote file &apos;{file}&apos; outside {folder}.</source>
        <translation>Die entfernte Datei „{file}“ würde außerhalb von {folder} geschrieben; das wird verweigert.</translation>
    </message>
</context>
<context>
    <name>Durations</name>
    <message>
        <source>&apos;{text}&apos; is longer than Batch&apos;s longest duration, {longest}.</source>
        <translation>„{text}“ ist länger als die längste Dauer, die Batch kennt ({longest}).</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is negative; Batch durations cannot be negative.</source>
        <translation>„{text}“ ist negativ; Dauern können in Batch nicht negativ sein.</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is not an ISO-8601 duration.</source>
        <translation>„{text}“ ist keine Dauer nach ISO 8601.</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; uses years or months, which have no fixed length.</source>
        <translation>„{text}“ enthält Jahre oder Monate, die keine feste Länge haben.</translation>
    </message>
    <message>
        <source>&apos;{text}…&apos; is too long for a duration ({length} characters).</source>
        <translation>„{text}…“ ist zu lang für eine Dauer ({length} Zeichen).</translation>
    </message>
    <message>
        <source>Enter a shorter duration, or leave the field empty.</source>
        <translation>Geben Sie eine kürzere Dauer ein, oder lassen Sie das Feld leer.</translation>
    </message>
    <message>
        <source>Write it as P[nW][nD][T[nH][nM][nS]], {examples}.</source>
        <translation>Schreiben Sie sie als P[nW][nD][T[nH][nM][nS]], {examples}.</translation>
    </message>
    <message>
        <source>Write it in ISO 8601, {examples}.</source>
        <translation>Schreiben Sie sie nach ISO 8601, {examples}.</translation>
    </message>
    <message>
        <source>Write the duration in days instead, for example P30D.</source>
        <translation>Geben Sie die Dauer stattdessen in Tagen an, z. B. P30D.</translation>
    </message>
    <message>
        <source>for example PT30M (30 minutes), PT1H30M or P2D (2 days)</source>
        <translation>z. B. PT30M (30 Minuten), PT1H30M oder P2D (2 Tage)</translation>
    </message>
    <message>
        <source>{days} days</source>
        <translation>{days} Tage</translation>
    </message>
</context>
<context>
    <name>Editors</name>
    <message>
        <source>Add variable</source>
        <translation>Variable hinzufügen</translation>
    </message>
    <message>
        <source>Environment variables</source>
        <translation>Umgebungsvariablen</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
</context>
<context>
    <name>EntraForm</name>
    <message>
        <source>Account URL:</source>
        <translation>Konto-URL:</translation>
    </message>
    <message>
        <source>Cloud:</source>
        <translation>Cloud:</translation>
    </message>
    <message>
        <source>Sign in with:</source>
        <translation>Anmelden mit:</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Abmelden</translation>
    </message>
    <message>
        <source>Sign-in:</source>
        <translation>Anmeldung:</translation>
    </message>
    <message>
        <source>Tenant:</source>
        <translation>Mandant:</translation>
    </message>
    <message>
        <source>not signed in yet: Test or Connect signs in (once)</source>
        <translation>noch nicht angemeldet: „Testen“ oder „Verbinden“ meldet an (einmalig)</translation>
    </message>
    <message>
        <source>signed in as {who}; a restart does not ask again</source>
        <translation>angemeldet als {who}; nach einem Neustart ist keine erneute Anmeldung nötig</translation>
    </message>
    <message>
        <source>signed in; a restart does not ask again</source>
        <translation>angemeldet; nach einem Neustart ist keine erneute Anmeldung nötig</translation>
    </message>
    <message>
        <source>your home tenant (or a GUID / contoso.onmicrosoft.com)</source>
        <translation>Ihr Basismandant (oder eine GUID / contoso.onmicrosoft.com)</translation>
    </message>
</context>
<context>
    <name>ErrorBanner</name>
    <message>
        <source>Batch error code</source>
        <translation>Batch-Fehlercode</translation>
    </message>
    <message>
        <source>Check the account key or sign-in of this connection profile.</source>
        <translation>Prüfen Sie den Kontoschlüssel oder die Anmeldung dieses Verbindungsprofils.</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Copy the message and details to the clipboard</source>
        <translation>Meldung und Details in die Zwischenablage kopieren</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Error type: {kind}</source>
        <translation>Fehlertyp: {kind}</translation>
    </message>
    <message>
        <source>HTTP status</source>
        <translation>HTTP-Status</translation>
    </message>
    <message>
        <source>It may have been deleted in the meantime; press F5 to refresh.</source>
        <translation>Möglicherweise wurde es inzwischen gelöscht; drücken Sie F5 zum Aktualisieren.</translation>
    </message>
    <message>
        <source>Request id</source>
        <translation>Anforderungs-ID</translation>
    </message>
    <message>
        <source>Show the error code and request id</source>
        <translation>Fehlercode und Anforderungs-ID anzeigen</translation>
    </message>
    <message>
        <source>Something unexpected went wrong: {kind}: {error}</source>
        <translation>Etwas Unerwartetes ist schiefgegangen: {kind}: {error}</translation>
    </message>
    <message>
        <source>The job has already completed.</source>
        <translation>Der Job ist bereits abgeschlossen.</translation>
    </message>
    <message>
        <source>The job is being deleted.</source>
        <translation>Der Job wird gerade gelöscht.</translation>
    </message>
    <message>
        <source>The pool is being deleted.</source>
        <translation>Der Pool wird gerade gelöscht.</translation>
    </message>
    <message>
        <source>The pool is still resizing: wait for it, or stop the resize first.</source>
        <translation>Die Größe des Pools wird noch geändert: Warten Sie, bis dies abgeschlossen ist, oder beenden Sie die Größenänderung zuerst.</translation>
    </message>
    <message>
        <source>The service did not answer in time; try again.</source>
        <translation>Der Dienst hat nicht rechtzeitig geantwortet; versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The service is busy; try again in a moment.</source>
        <translation>Der Dienst ist ausgelastet; versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <source>The task has already completed.</source>
        <translation>Der Task ist bereits abgeschlossen.</translation>
    </message>
</context>
<context>
    <name>ErrorDialogs</name>
    <message>
        <source>MPI Explorer — unexpected error</source>
        <translation>MPI Explorer – unerwarteter Fehler</translation>
    </message>
    <message>
        <source>Something went wrong that MPI Explorer did not expect:

{error}</source>
        <translation>Etwas ist schiefgegangen, womit MPI Explorer nicht gerechnet hat:

{error}</translation>
    </message>
    <message>
        <source>Something went wrong that MPI Explorer did not expect:

{error}

Details are in {log}.</source>
        <translation>Etwas ist schiefgegangen, womit MPI Explorer nicht gerechnet hat:

{error}

Details stehen in {log}.</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>timed out</source>
        <translation>Zeitüberschreitung</translation>
    </message>
</context>
<context>
    <name>FieldChecks</name>
    <message>
        <source>&apos;{name}&apos; is set by Batch itself (AZ_BATCH_* and CCP_NODES describe the nodes to MPI).</source>
        <translation>„{name}“ wird von Batch selbst gesetzt (AZ_BATCH_* und CCP_NODES beschreiben MPI die Knoten).</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; is set twice (rows {first} and {second}).</source>
        <translation>„{name}“ ist zweimal gesetzt (Zeilen {first} und {second}).</translation>
    </message>
    <message>
        <source>A blob prefix applies only to container sources, not to an HTTP URL.</source>
        <translation>Ein Blobpräfix gilt nur für Containerquellen, nicht für eine HTTP-URL.</translation>
    </message>
    <message>
        <source>A file downloaded from an HTTP URL needs a file path.</source>
        <translation>Eine von einer HTTP-URL heruntergeladene Datei braucht einen Dateipfad.</translation>
    </message>
    <message>
        <source>Add the container after the host: {example}.</source>
        <translation>Fügen Sie den Container nach dem Host an: {example}.</translation>
    </message>
    <message>
        <source>An environment variable has no name.</source>
        <translation>Eine Umgebungsvariable hat keinen Namen.</translation>
    </message>
    <message>
        <source>Choose an auto-user, enter a user name, or leave the identity unset.</source>
        <translation>Wählen Sie einen automatischen Benutzer, geben Sie einen Benutzernamen ein oder lassen Sie die Identität leer.</translation>
    </message>
    <message>
        <source>Choose another name; read Batch&apos;s value in your command instead.</source>
        <translation>Wählen Sie einen anderen Namen; lesen Sie stattdessen den Wert von Batch in Ihrem Befehl.</translation>
    </message>
    <message>
        <source>Clear one of them.</source>
        <translation>Leeren Sie eines der beiden.</translation>
    </message>
    <message>
        <source>Clear the blob prefix.</source>
        <translation>Leeren Sie das Blobpräfix.</translation>
    </message>
    <message>
        <source>Container name &apos;{name}&apos; contains capital letters; container names are lowercase.</source>
        <translation>Der Containername „{name}“ enthält Großbuchstaben; Containernamen werden kleingeschrieben.</translation>
    </message>
    <message>
        <source>Container name &apos;{name}&apos; contains characters other than letters, digits and hyphens.</source>
        <translation>Der Containername „{name}“ enthält andere Zeichen als Buchstaben, Ziffern und Bindestriche.</translation>
    </message>
    <message>
        <source>Container name &apos;{name}&apos; has {length} characters; Azure Storage needs 3 to 63.</source>
        <translation>Der Containername „{name}“ hat {length} Zeichen; Azure Storage verlangt 3 bis 63.</translation>
    </message>
    <message>
        <source>Container name &apos;{name}&apos; starts or ends with a hyphen or has two in a row.</source>
        <translation>Der Containername „{name}“ beginnt oder endet mit einem Bindestrich oder enthält zwei hintereinander.</translation>
    </message>
    <message>
        <source>Encode spaces as %20 and remove line breaks.</source>
        <translation>Codieren Sie Leerzeichen als %20 und entfernen Sie Zeilenumbrüche.</translation>
    </message>
    <message>
        <source>End the URL after &apos;/{container}&apos; and put &apos;{inside}&apos; in the blob prefix, or use an HTTP URL to download a single file.</source>
        <translation>Beenden Sie die URL nach „/{container}“ und tragen Sie „{inside}“ als Blobpräfix ein, oder verwenden Sie eine HTTP-URL, um eine einzelne Datei herunterzuladen.</translation>
    </message>
    <message>
        <source>Enter a duration such as 1 hour, or leave it unset for {when_unset}.</source>
        <translation>Geben Sie eine Dauer wie 1 Stunde ein, oder lassen Sie das Feld leer ({when_unset}).</translation>
    </message>
    <message>
        <source>Enter a name such as OMP_NUM_THREADS, or remove the row.</source>
        <translation>Geben Sie einen Namen wie OMP_NUM_THREADS ein, oder entfernen Sie die Zeile.</translation>
    </message>
    <message>
        <source>Enter a path relative to the task directory, or leave it unset.</source>
        <translation>Geben Sie einen Pfad relativ zum Taskverzeichnis ein, oder lassen Sie das Feld leer.</translation>
    </message>
    <message>
        <source>Enter the name of a user account defined on the pool.</source>
        <translation>Geben Sie den Namen eines im Pool definierten Benutzerkontos ein.</translation>
    </message>
    <message>
        <source>Enter the name to save it as, e.g. &apos;input.dat&apos;.</source>
        <translation>Geben Sie den Namen ein, unter dem die Datei gespeichert wird, z. B. „input.dat“.</translation>
    </message>
    <message>
        <source>Enter the {what}, or pick an MPI preset to fill it in.</source>
        <translation>Geben Sie den {what} ein, oder wählen Sie eine MPI-Vorlage, die ihn ausfüllt.</translation>
    </message>
    <message>
        <source>HTTP URL</source>
        <translation>HTTP-URL</translation>
    </message>
    <message>
        <source>Keep one source and clear the others.</source>
        <translation>Behalten Sie eine Quelle und leeren Sie die anderen.</translation>
    </message>
    <message>
        <source>Leave it unset for {when_unset}.</source>
        <translation>Lassen Sie das Feld leer ({when_unset}).</translation>
    </message>
    <message>
        <source>Paste a URL such as {example}.</source>
        <translation>Fügen Sie eine URL wie {example} ein.</translation>
    </message>
    <message>
        <source>Remove one of them; only one value can take effect.</source>
        <translation>Entfernen Sie einen davon; nur ein Wert kann wirksam werden.</translation>
    </message>
    <message>
        <source>Remove the &apos;..&apos; parts.</source>
        <translation>Entfernen Sie die „..“-Teile.</translation>
    </message>
    <message>
        <source>Remove them; container names use only a-z, 0-9 and &apos;-&apos;.</source>
        <translation>Entfernen Sie sie; Containernamen bestehen nur aus a–z, 0–9 und „-“.</translation>
    </message>
    <message>
        <source>Set an HTTP URL, a storage container URL or an auto-storage container name.</source>
        <translation>Geben Sie eine HTTP-URL, eine Speichercontainer-URL oder den Namen eines Containers im automatischen Speicherkonto an.</translation>
    </message>
    <message>
        <source>Start it with a letter or &apos;_&apos;, e.g. &apos;{example}&apos;.</source>
        <translation>Beginnen Sie mit einem Buchstaben oder „_“, z. B. „{example}“.</translation>
    </message>
    <message>
        <source>Start it with https://, as in {example}.</source>
        <translation>Beginnen Sie mit https://, wie in {example}.</translation>
    </message>
    <message>
        <source>The environment variable name &apos;{name}&apos; contains characters other than letters, digits and &apos;_&apos;.</source>
        <translation>Der Name der Umgebungsvariablen „{name}“ enthält andere Zeichen als Buchstaben, Ziffern und „_“.</translation>
    </message>
    <message>
        <source>The environment variable name &apos;{name}&apos; starts with a digit.</source>
        <translation>Der Name der Umgebungsvariablen „{name}“ beginnt mit einer Ziffer.</translation>
    </message>
    <message>
        <source>The file mode &apos;{mode}&apos; is not an octal permission.</source>
        <translation>Der Dateimodus „{mode}“ ist keine oktale Berechtigung.</translation>
    </message>
    <message>
        <source>The file path &apos;{path}&apos; is absolute; Batch saves files under the task directory.</source>
        <translation>Der Dateipfad „{path}“ ist absolut; Batch speichert Dateien unterhalb des Taskverzeichnisses.</translation>
    </message>
    <message>
        <source>The file path &apos;{path}&apos; uses &apos;..&apos; to leave the task directory, which Batch refuses.</source>
        <translation>Der Dateipfad „{path}“ verlässt mit „..“ das Taskverzeichnis, was Batch ablehnt.</translation>
    </message>
    <message>
        <source>The file path is empty.</source>
        <translation>Der Dateipfad ist leer.</translation>
    </message>
    <message>
        <source>The identity names both a user and an auto-user; Batch takes one or the other.</source>
        <translation>Die Identität nennt sowohl einen Benutzer als auch einen automatischen Benutzer; Batch nimmt nur eines von beiden.</translation>
    </message>
    <message>
        <source>The resource file has no source.</source>
        <translation>Die Ressourcendatei hat keine Quelle.</translation>
    </message>
    <message>
        <source>The resource file has {count} sources ({sources}); Batch takes exactly one.</source>
        <translation>Die Ressourcendatei hat {count} Quellen ({sources}); Batch nimmt genau eine.</translation>
    </message>
    <message>
        <source>The user identity names neither a user nor an auto-user.</source>
        <translation>Die Benutzeridentität nennt weder einen Benutzer noch einen automatischen Benutzer.</translation>
    </message>
    <message>
        <source>The user name is empty.</source>
        <translation>Der Benutzername ist leer.</translation>
    </message>
    <message>
        <source>The {what} &apos;{url}&apos; does not start with a scheme.</source>
        <translation>Die Angabe „{url}“ im Feld „{what}“ beginnt nicht mit einem Schema.</translation>
    </message>
    <message>
        <source>The {what} &apos;{url}&apos; has no host name.</source>
        <translation>Die Angabe „{url}“ im Feld „{what}“ hat keinen Hostnamen.</translation>
    </message>
    <message>
        <source>The {what} contains spaces or line breaks.</source>
        <translation>Das Feld „{what}“ enthält Leerzeichen oder Zeilenumbrüche.</translation>
    </message>
    <message>
        <source>The {what} has an invalid port.</source>
        <translation>Das Feld „{what}“ enthält einen ungültigen Port.</translation>
    </message>
    <message>
        <source>The {what} is empty.</source>
        <translation>Das Feld „{what}“ ist leer.</translation>
    </message>
    <message>
        <source>The {what} is longer than Batch&apos;s maximum of {most}.</source>
        <translation>Der Wert im Feld „{what}“ ist länger als das Maximum von Batch ({most}).</translation>
    </message>
    <message>
        <source>The {what} must be more than zero.</source>
        <translation>Der Wert im Feld „{what}“ muss größer als null sein.</translation>
    </message>
    <message>
        <source>The {what} must be zero or more.</source>
        <translation>Der Wert im Feld „{what}“ muss null oder größer sein.</translation>
    </message>
    <message>
        <source>The {what} names no container.</source>
        <translation>Das Feld „{what}“ nennt keinen Container.</translation>
    </message>
    <message>
        <source>The {what} points inside container &apos;{container}&apos; (at &apos;{inside}&apos;) rather than at the container.</source>
        <translation>Das Feld „{what}“ zeigt in den Container „{container}“ hinein (auf „{inside}“) statt auf den Container selbst.</translation>
    </message>
    <message>
        <source>The {what} uses &apos;{scheme}:&apos;, but Batch downloads only over http and https.</source>
        <translation>Das Feld „{what}“ verwendet „{scheme}:“, Batch lädt aber nur über http und https herunter.</translation>
    </message>
    <message>
        <source>Use &apos;{name}&apos;.</source>
        <translation>Verwenden Sie „{name}“.</translation>
    </message>
    <message>
        <source>Use 3 or 4 octal digits, such as 0755 (executable) or 0644 (read-only for others).</source>
        <translation>Verwenden Sie 3 oder 4 Oktalziffern, z. B. 0755 (ausführbar) oder 0644 (für andere nur lesbar).</translation>
    </message>
    <message>
        <source>Use a port number between 0 and 65535, or none.</source>
        <translation>Verwenden Sie eine Portnummer zwischen 0 und 65535, oder keine.</translation>
    </message>
    <message>
        <source>Use a relative path such as &apos;{relative}&apos;.</source>
        <translation>Verwenden Sie einen relativen Pfad wie „{relative}“.</translation>
    </message>
    <message>
        <source>Use an https:// URL, as in {example}.</source>
        <translation>Verwenden Sie eine https://-URL, wie in {example}.</translation>
    </message>
    <message>
        <source>Use e.g. &apos;{example}&apos;.</source>
        <translation>Verwenden Sie z. B. „{example}“.</translation>
    </message>
    <message>
        <source>Use single hyphens between letters or digits.</source>
        <translation>Verwenden Sie einzelne Bindestriche zwischen Buchstaben oder Ziffern.</translation>
    </message>
    <message>
        <source>Use the name of an existing container in the linked storage account.</source>
        <translation>Verwenden Sie den Namen eines vorhandenen Containers im verknüpften Speicherkonto.</translation>
    </message>
    <message>
        <source>Write it as {example}.</source>
        <translation>Schreiben Sie es als {example}.</translation>
    </message>
    <message>
        <source>storage container URL</source>
        <translation>Speichercontainer-URL</translation>
    </message>
    <message>
        <source>{days} days</source>
        <translation>{days} Tage</translation>
    </message>
</context>
<context>
    <name>FieldFeedback</name>
    <message>
        <source>Create a pool for MPI…</source>
        <translation>Einen Pool für MPI erstellen…</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Resize the pool to {} nodes</source>
        <translation>Pool auf {} Knoten skalieren</translation>
    </message>
    <message>
        <source>Row {} ({}): </source>
        <translation>Zeile {} ({}): </translation>
    </message>
    <message>
        <source>Row {}: </source>
        <translation>Zeile {}: </translation>
    </message>
    <message>
        <source>Start {} process</source>
        <translation>{} Prozess starten</translation>
    </message>
    <message>
        <source>Start {} processes</source>
        <translation>{} Prozesse starten</translation>
    </message>
    <message>
        <source>Turn inter-node communication on</source>
        <translation>Kommunikation zwischen Knoten aktivieren</translation>
    </message>
    <message>
        <source>Use {} instance</source>
        <translation>{} Instanz verwenden</translation>
    </message>
    <message>
        <source>Use {} instances</source>
        <translation>{} Instanzen verwenden</translation>
    </message>
    <message>
        <source>Use {} task slot per node</source>
        <translation>{} Taskslot pro Knoten verwenden</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
</context>
<context>
    <name>FileDialogs</name>
    <message>
        <source>Task JSON (*.json);;All files (*)</source>
        <translation>Task-JSON (*.json);;Alle Dateien (*)</translation>
    </message>
</context>
<context>
    <name>FileReader</name>
    <message>
        <source>{path}: no answer from the service; read again once it answers</source>
        <translation>{path}: keine Antwort vom Dienst; erneut lesen, sobald er antwortet</translation>
    </message>
    <message>
        <source>{path}: {reason}</source>
        <translation>{path}: {reason}</translation>
    </message>
</context>
<context>
    <name>FileTreeModel</name>
    <message>
        <source>Modified</source>
        <translation>Geändert</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
</context>
<context>
    <name>FilesPage</name>
    <message>
        <source>Common files land in every instance&apos;s task directory ($AZ_BATCH_TASK_SHARED_DIR); the primary&apos;s files land in its working directory.</source>
        <translation>Gemeinsame Dateien landen im Taskverzeichnis jeder Instanz ($AZ_BATCH_TASK_SHARED_DIR); die Dateien der primären Instanz landen in ihrem Arbeitsverzeichnis.</translation>
    </message>
    <message>
        <source>Common resource files</source>
        <translation>Gemeinsame Ressourcendateien</translation>
    </message>
    <message>
        <source>Common resource files (every instance)</source>
        <translation>Gemeinsame Ressourcendateien (jede Instanz)</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Dateien</translation>
    </message>
    <message>
        <source>Resource files (the primary only)</source>
        <translation>Ressourcendateien (nur primäre Instanz)</translation>
    </message>
    <message>
        <source>Resource files of the primary</source>
        <translation>Ressourcendateien der primären Instanz</translation>
    </message>
    <message>
        <source>Upload files</source>
        <translation>Dateien hochladen</translation>
    </message>
    <message>
        <source>Upload local files to {}</source>
        <translation>Lokale Dateien nach {} hochladen</translation>
    </message>
    <message>
        <source>Upload local files…</source>
        <translation>Lokale Dateien hochladen…</translation>
    </message>
    <message>
        <source>Upload progress</source>
        <translation>Upload-Fortschritt</translation>
    </message>
    <message>
        <source>Upload status</source>
        <translation>Upload-Status</translation>
    </message>
    <message>
        <source>Uploaded; the files are listed above with read-only links.</source>
        <translation>Hochgeladen; die Dateien stehen oben mit schreibgeschützten Links.</translation>
    </message>
    <message>
        <source>Uploading needs a storage account linked to this connection; none is configured.</source>
        <translation>Zum Hochladen braucht diese Verbindung ein verknüpftes Speicherkonto; es ist keines eingerichtet.</translation>
    </message>
    <message>
        <source>Uploading {} file(s)…</source>
        <translation>{} Datei(en) werden hochgeladen…</translation>
    </message>
    <message>
        <source>Uploading {}: {:,} of {:,} bytes</source>
        <translation>{} wird hochgeladen: {:,} von {:,} Bytes</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message numerus="yes">
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n Treffer</numerusform>
            <numerusform>%n Treffer</numerusform>
        </translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <source>Match case</source>
        <translation>Groß-/Kleinschreibung beachten</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Weiter</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>Text to find; Enter finds the next match, Shift+Enter the previous</source>
        <translation>Zu suchender Text; Eingabe sucht den nächsten Treffer, Umschalt+Eingabe den vorigen</translation>
    </message>
    <message>
        <source>found, counting…</source>
        <translation>gefunden, wird gezählt…</translation>
    </message>
    <message>
        <source>not found</source>
        <translation>nicht gefunden</translation>
    </message>
    <message>
        <source>searching…</source>
        <translation>suche…</translation>
    </message>
    <message>
        <source>wrapped, </source>
        <translation>umgebrochen, </translation>
    </message>
</context>
<context>
    <name>FirstRunPage</name>
    <message>
        <source>Add an Azure Batch account</source>
        <translation>Ein Azure Batch-Konto hinzufügen</translation>
    </message>
    <message>
        <source>Connect to a Batch account in Azure, to run the same tasks on real VMs.</source>
        <translation>Mit einem Batch-Konto in Azure verbinden, um dieselben Tasks auf echten VMs auszuführen.</translation>
    </message>
    <message>
        <source>Create a local MPI pool (4 nodes) and run a sample MPI task</source>
        <translation>Einen lokalen MPI-Pool (4 Knoten) erstellen und einen MPI-Beispieltask ausführen</translation>
    </message>
    <message>
        <source>Creating the pool and submitting the sample task…</source>
        <translation>Pool wird erstellt und der Beispieltask übermittelt…</translation>
    </message>
    <message>
        <source>Describe your own multi-instance MPI task step by step: pool, instances, MPI command, files.</source>
        <translation>Beschreiben Sie Ihren eigenen MPI-Task mit mehreren Instanzen Schritt für Schritt: Pool, Instanzen, MPI-Befehl, Dateien.</translation>
    </message>
    <message>
        <source>Local Batch creates the pool “mpi-demo” on this computer and runs a Monte Carlo pi estimate on 4 MPI ranks, one per node, for about 30 seconds. You watch every instance start and the output live.</source>
        <translation>Local Batch erstellt auf diesem Computer den Pool „mpi-demo“ und führt eine Monte-Carlo-Schätzung von Pi auf 4 MPI-Rängen aus, einer pro Knoten, etwa 30 Sekunden lang. Sie sehen jede Instanz starten und die Ausgabe live.</translation>
    </message>
    <message>
        <source>Local Batch, built into MPI Explorer, runs Azure Batch multi-instance tasks with real MPI on this computer. It has no pool yet: start with one of these.</source>
        <translation>Local Batch, in MPI Explorer eingebaut, führt Azure Batch-Tasks mit mehreren Instanzen mit echtem MPI auf diesem Computer aus. Es hat noch keinen Pool: Beginnen Sie mit einer dieser Möglichkeiten.</translation>
    </message>
    <message>
        <source>Open the task wizard</source>
        <translation>Den Task-Assistenten öffnen</translation>
    </message>
    <message>
        <source>Or choose a pool or a job on the left, or create one from the New menu.</source>
        <translation>Oder wählen Sie links einen Pool oder Job, oder erstellen Sie einen über das Menü „Neu“.</translation>
    </message>
    <message>
        <source>Run your first MPI task</source>
        <translation>Ihren ersten MPI-Task ausführen</translation>
    </message>
    <message>
        <source>The sample could not be started: {message}</source>
        <translation>Das Beispiel konnte nicht gestartet werden: {message}</translation>
    </message>
</context>
<context>
    <name>Formatting</name>
    <message>
        <source>Allocated</source>
        <translation>Zugeordnet</translation>
    </message>
    <message>
        <source>Application command</source>
        <translation>Anwendungsbefehl</translation>
    </message>
    <message>
        <source>Common resource files</source>
        <translation>Gemeinsame Ressourcendateien</translation>
    </message>
    <message>
        <source>Coordination command</source>
        <translation>Koordinationsbefehl</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Dedicated nodes</source>
        <translation>Dedizierte Knoten</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>Anzeigename</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>Umgebung</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Exit code</source>
        <translation>Exitcode</translation>
    </message>
    <message>
        <source>Failure</source>
        <translation>Fehlschlag</translation>
    </message>
    <message>
        <source>IP address</source>
        <translation>IP-Adresse</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>Image</translation>
    </message>
    <message>
        <source>Instances</source>
        <translation>Instanzen</translation>
    </message>
    <message>
        <source>Inter-node communication</source>
        <translation>Kommunikation zwischen Knoten</translation>
    </message>
    <message>
        <source>Last boot</source>
        <translation>Letzter Start</translation>
    </message>
    <message>
        <source>Low-priority nodes</source>
        <translation>Knoten mit niedriger Priorität</translation>
    </message>
    <message>
        <source>Max retries</source>
        <translation>Max. Wiederholungen</translation>
    </message>
    <message>
        <source>Max wall clock</source>
        <translation>Max. Laufzeit</translation>
    </message>
    <message>
        <source>Node agent</source>
        <translation>Knoten-Agent</translation>
    </message>
    <message>
        <source>Primary node</source>
        <translation>Primärer Knoten</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorität</translation>
    </message>
    <message>
        <source>Ran</source>
        <translation>Ausgeführt</translation>
    </message>
    <message>
        <source>Resize errors</source>
        <translation>Fehler bei der Größenänderung</translation>
    </message>
    <message>
        <source>Resource files</source>
        <translation>Ressourcendateien</translation>
    </message>
    <message>
        <source>Retries</source>
        <translation>Wiederholungen</translation>
    </message>
    <message>
        <source>Running tasks</source>
        <translation>Laufende Tasks</translation>
    </message>
    <message>
        <source>Start task</source>
        <translation>Starttask</translation>
    </message>
    <message>
        <source>Start task exit code</source>
        <translation>Exitcode des Starttasks</translation>
    </message>
    <message>
        <source>Start task failure</source>
        <translation>Fehlschlag des Starttasks</translation>
    </message>
    <message>
        <source>Start task ran</source>
        <translation>Starttask ausgeführt</translation>
    </message>
    <message>
        <source>Start task retries</source>
        <translation>Wiederholungen des Starttasks</translation>
    </message>
    <message>
        <source>Start task state</source>
        <translation>Zustand des Starttasks</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Task slots per node</source>
        <translation>Taskslots pro Knoten</translation>
    </message>
    <message>
        <source>Tasks run</source>
        <translation>Ausgeführte Tasks</translation>
    </message>
    <message>
        <source>VM size</source>
        <translation>VM-Größe</translation>
    </message>
    <message>
        <source>application running: all {total} instances were ready</source>
        <translation>Anwendung läuft: alle {total} Instanzen waren bereit</translation>
    </message>
    <message>
        <source>attempt {attempt}, {progress}</source>
        <translation>Versuch {attempt}, {progress}</translation>
    </message>
    <message>
        <source>completed: exit code {code}</source>
        <translation>abgeschlossen: Exitcode {code}</translation>
    </message>
    <message>
        <source>coordination: {ready} of {total} instances reported ready</source>
        <translation>Koordination: {ready} von {total} Instanzen als bereit gemeldet</translation>
    </message>
    <message>
        <source>coordination: {ready} of {total} instances reported ready, {failed} failed</source>
        <translation>Koordination: {ready} von {total} Instanzen als bereit gemeldet, {failed} fehlgeschlagen</translation>
    </message>
    <message>
        <source>dedicated</source>
        <translation>dediziert</translation>
    </message>
    <message>
        <source>exit code {code}</source>
        <translation>Exitcode {code}</translation>
    </message>
    <message>
        <source>failed: {reason}</source>
        <translation>fehlgeschlagen: {reason}</translation>
    </message>
    <message>
        <source>failed: {reason} ({ready} of {total} instances reported ready)</source>
        <translation>fehlgeschlagen: {reason} ({ready} von {total} Instanzen als bereit gemeldet)</translation>
    </message>
    <message>
        <source>low priority / spot</source>
        <translation>niedrige Priorität / Spot</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>queued: waiting for a node</source>
        <translation>in der Warteschlange: wartet auf einen Knoten</translation>
    </message>
    <message>
        <source>queued: waiting for a node (it cannot start as things stand: see why below)</source>
        <translation>in der Warteschlange: wartet auf einen Knoten (kann so nicht starten: Grund siehe unten)</translation>
    </message>
    <message>
        <source>queued: waiting for {total} nodes</source>
        <translation>in der Warteschlange: wartet auf {total} Knoten</translation>
    </message>
    <message>
        <source>queued: waiting for {total} nodes (it cannot start as things stand: see why below)</source>
        <translation>in der Warteschlange: wartet auf {total} Knoten (kann so nicht starten: Grund siehe unten)</translation>
    </message>
    <message>
        <source>the task does not exist</source>
        <translation>der Task existiert nicht</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>{current} of {target}</source>
        <translation>{current} von {target}</translation>
    </message>
    <message>
        <source>{progress} — no answer from the service since {time}</source>
        <translation>{progress} – keine Antwort vom Dienst seit {time}</translation>
    </message>
    <message>
        <source>{run} ({succeeded} succeeded)</source>
        <translation>{run} ({succeeded} erfolgreich)</translation>
    </message>
    <message>
        <source>{size} B</source>
        <translation>{size} B</translation>
    </message>
    <message>
        <source>{size} GB</source>
        <translation>{size} GB</translation>
    </message>
    <message>
        <source>{size} KB</source>
        <translation>{size} KB</translation>
    </message>
    <message>
        <source>{size} MB</source>
        <translation>{size} MB</translation>
    </message>
    <message>
        <source>{size} TB</source>
        <translation>{size} TB</translation>
    </message>
    <message>
        <source>{state} (scheduling {scheduling})</source>
        <translation>{state} (Planung {scheduling})</translation>
    </message>
</context>
<context>
    <name>HistoryChart</name>
    <message>
        <source>Rebuilt from the service&apos;s own times (not watched then)</source>
        <translation>Aus den Zeitangaben des Dienstes rekonstruiert (damals nicht beobachtet)</translation>
    </message>
    <message>
        <source>local time</source>
        <translation>Ortszeit</translation>
    </message>
    <message>
        <source>seen by a poll</source>
        <translation>von einer Abfrage gesehen</translation>
    </message>
    <message>
        <source>the service&apos;s time</source>
        <translation>Zeit des Dienstes</translation>
    </message>
</context>
<context>
    <name>HistoryTab</name>
    <message>
        <source>%1 by state over time</source>
        <translation>%1 nach Zustand im Zeitverlauf</translation>
    </message>
    <message>
        <source>%1 older events not kept</source>
        <translation>%1 ältere Ereignisse nicht aufbewahrt</translation>
    </message>
    <message>
        <source>1 failure (red lines)</source>
        <translation>1 Fehlschlag (rote Linien)</translation>
    </message>
    <message>
        <source>1 resize (dashed: started, dotted: ended)</source>
        <translation>1 Größenänderung (gestrichelt: begonnen, gepunktet: beendet)</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>CSV exportieren…</translation>
    </message>
    <message>
        <source>Export PNG…</source>
        <translation>PNG exportieren…</translation>
    </message>
    <message>
        <source>Export chart as PNG</source>
        <translation>Diagramm als PNG exportieren</translation>
    </message>
    <message>
        <source>Export history as CSV</source>
        <translation>Verlauf als CSV exportieren</translation>
    </message>
    <message>
        <source>Save the chart as a PNG image</source>
        <translation>Das Diagramm als PNG-Bild speichern</translation>
    </message>
    <message>
        <source>Save the counts and events as CSV</source>
        <translation>Die Anzahlen und Ereignisse als CSV speichern</translation>
    </message>
    <message>
        <source>Stacked counts by state; vertical lines mark resizes and failures, hover one for what happened</source>
        <translation>Gestapelte Anzahlen nach Zustand; senkrechte Linien markieren Größenänderungen und Fehlschläge, mit der Maus darüber sehen Sie, was geschah</translation>
    </message>
    <message>
        <source>older detail merged to %1 s</source>
        <translation>ältere Details auf %1 s zusammengefasst</translation>
    </message>
    <message>
        <source>{count} failures (red lines)</source>
        <translation>{count} Fehlschläge (rote Linien)</translation>
    </message>
    <message>
        <source>{count} resizes (dashed: started, dotted: ended)</source>
        <translation>{count} Größenänderungen (gestrichelt: begonnen, gepunktet: beendet)</translation>
    </message>
</context>
<context>
    <name>IdChecks</name>
    <message>
        <source>Enter 1 to {most} letters, digits, hyphens or underscores.</source>
        <translation>Geben Sie 1 bis {most} Buchstaben, Ziffern, Bindestriche oder Unterstriche ein.</translation>
    </message>
    <message>
        <source>Shorten it by {excess} character.</source>
        <translation>Kürzen Sie sie um {excess} Zeichen.</translation>
    </message>
    <message>
        <source>Shorten it by {excess} characters.</source>
        <translation>Kürzen Sie sie um {excess} Zeichen.</translation>
    </message>
    <message>
        <source>The {kind} contains characters Batch does not allow: {shown}.</source>
        <translation>Die {kind} enthält Zeichen, die Batch nicht erlaubt: {shown}.</translation>
    </message>
    <message>
        <source>The {kind} is empty.</source>
        <translation>Die {kind} ist leer.</translation>
    </message>
    <message>
        <source>The {kind} is {length} characters long; Batch allows at most {most}.</source>
        <translation>Die {kind} ist {length} Zeichen lang; Batch erlaubt höchstens {most}.</translation>
    </message>
    <message>
        <source>Use only letters, digits, &apos;-&apos; and &apos;_&apos;, for example &apos;{example}&apos;.</source>
        <translation>Verwenden Sie nur Buchstaben, Ziffern, „-“ und „_“, zum Beispiel „{example}“.</translation>
    </message>
</context>
<context>
    <name>IdentityEditor</name>
    <message>
        <source>Admin</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>Auto-user</source>
        <translation>Automatischer Benutzer</translation>
    </message>
    <message>
        <source>Auto-user elevation</source>
        <translation>Rechte des automatischen Benutzers</translation>
    </message>
    <message>
        <source>Auto-user scope</source>
        <translation>Bereich des automatischen Benutzers</translation>
    </message>
    <message>
        <source>Batch default (pool&apos;s non-admin auto-user)</source>
        <translation>Batch-Standard (automatischer Benutzer des Pools ohne Administratorrechte)</translation>
    </message>
    <message>
        <source>Default elevation</source>
        <translation>Standardrechte</translation>
    </message>
    <message>
        <source>Default scope</source>
        <translation>Standardbereich</translation>
    </message>
    <message>
        <source>Non-admin</source>
        <translation>Kein Administrator</translation>
    </message>
    <message>
        <source>Pool scope</source>
        <translation>Poolbereich</translation>
    </message>
    <message>
        <source>Run as</source>
        <translation>Ausführen als</translation>
    </message>
    <message>
        <source>Task scope</source>
        <translation>Taskbereich</translation>
    </message>
    <message>
        <source>User account</source>
        <translation>Benutzerkonto</translation>
    </message>
    <message>
        <source>user account defined on the pool</source>
        <translation>im Pool definiertes Benutzerkonto</translation>
    </message>
</context>
<context>
    <name>InstanceCpu</name>
    <message>
        <source>CPU per instance</source>
        <translation>CPU pro Instanz</translation>
    </message>
    <message>
        <source>CPU, % of a core</source>
        <translation>CPU, % eines Kerns</translation>
    </message>
    <message>
        <source>The CPU each instance&apos;s processes use on its node, from the node sampler</source>
        <translation>Die CPU, die die Prozesse jeder Instanz auf ihrem Knoten nutzen, laut Knoten-Sampler</translation>
    </message>
    <message>
        <source>idle (under {:.0f} % of a core): {}</source>
        <translation>untätig (unter {:.0f} % eines Kerns): {}</translation>
    </message>
    <message>
        <source>instance {}</source>
        <translation>Instanz {}</translation>
    </message>
    <message>
        <source>primary</source>
        <translation>primär</translation>
    </message>
    <message>
        <source>the primary</source>
        <translation>die primäre Instanz</translation>
    </message>
    <message>
        <source>{} without figures</source>
        <translation>{} ohne Messwerte</translation>
    </message>
</context>
<context>
    <name>InstanceTimeline</name>
    <message>
        <source>No instances yet</source>
        <translation>Noch keine Instanzen</translation>
    </message>
    <message>
        <source>Not reported by the service: when a phase began is known only to lie in this span, or the service has not answered since.</source>
        <translation>Vom Dienst nicht gemeldet: Wann eine Phase begann, ist nur als in diesem Zeitraum liegend bekannt, oder der Dienst hat seitdem nicht geantwortet.</translation>
    </message>
    <message>
        <source>completed</source>
        <translation>abgeschlossen</translation>
    </message>
    <message>
        <source>coordinating</source>
        <translation>koordiniert</translation>
    </message>
    <message>
        <source>downloading</source>
        <translation>lädt herunter</translation>
    </message>
    <message>
        <source>end: {time}</source>
        <translation>Ende: {time}</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>instance {number} (primary) on {node}</source>
        <translation>Instanz {number} (primär) auf {node}</translation>
    </message>
    <message>
        <source>instance {number} (subtask) on {node}</source>
        <translation>Instanz {number} (Subtask) auf {node}</translation>
    </message>
    <message>
        <source>local time</source>
        <translation>Ortszeit</translation>
    </message>
    <message>
        <source>no node yet</source>
        <translation>noch kein Knoten</translation>
    </message>
    <message>
        <source>nothing reported yet</source>
        <translation>noch nichts gemeldet</translation>
    </message>
    <message>
        <source>ongoing</source>
        <translation>läuft</translation>
    </message>
    <message>
        <source>ready</source>
        <translation>bereit</translation>
    </message>
    <message>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <source>seconds since task creation</source>
        <translation>Sekunden seit Erstellung des Tasks</translation>
    </message>
    <message>
        <source>start: {time}</source>
        <translation>Beginn: {time}</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>unknown: not reported by the service</source>
        <translation>unbekannt: vom Dienst nicht gemeldet</translation>
    </message>
    <message>
        <source>waiting for node</source>
        <translation>wartet auf Knoten</translation>
    </message>
    <message>
        <source>{clock} (+{seconds} s)</source>
        <translation>{clock} (+{seconds} s)</translation>
    </message>
    <message>
        <source>{instance}: {phases}; {number} of {count}</source>
        <translation>{instance}: {phases}; {number} von {count}</translation>
    </message>
    <message>
        <source>{number} primary</source>
        <translation>{number} primär</translation>
    </message>
    <message>
        <source>{phase} at {start} s</source>
        <translation>{phase} bei {start} s</translation>
    </message>
    <message>
        <source>{phase} or later: not reported by the service</source>
        <translation>{phase} oder später: vom Dienst nicht gemeldet</translation>
    </message>
    <message>
        <source>{phase} since {start} s</source>
        <translation>{phase} seit {start} s</translation>
    </message>
    <message>
        <source>{phase} {start} to {end} s</source>
        <translation>{phase} {start} bis {end} s</translation>
    </message>
</context>
<context>
    <name>InstancesPage</name>
    <message>
        <source>, target {}</source>
        <translation>, Ziel {}</translation>
    </message>
    <message>
        <source>1 node</source>
        <translation>1 Knoten</translation>
    </message>
    <message>
        <source>1 task slot</source>
        <translation>1 Taskslot</translation>
    </message>
    <message>
        <source>Each instance runs on its own node: the primary runs the MPI launcher, the others host its ranks.</source>
        <translation>Jede Instanz läuft auf einem eigenen Knoten: Die primäre Instanz führt das MPI-Startprogramm aus, die anderen beherbergen seine Ränge.</translation>
    </message>
    <message>
        <source>Instances</source>
        <translation>Instanzen</translation>
    </message>
    <message>
        <source>Instances:</source>
        <translation>Instanzen:</translation>
    </message>
    <message>
        <source>No pool chosen.</source>
        <translation>Kein Pool ausgewählt.</translation>
    </message>
    <message>
        <source>Pool &apos;{}&apos;: {} ({}{}), inter-node communication {}, {} per node, {}.</source>
        <translation>Pool „{}“: {} ({}{}), Kommunikation zwischen Knoten {}, {} pro Knoten, {}.</translation>
    </message>
    <message>
        <source>Pool:</source>
        <translation>Pool:</translation>
    </message>
    <message>
        <source>Reading pool &apos;{}&apos;…</source>
        <translation>Pool „{}“ wird gelesen…</translation>
    </message>
    <message>
        <source>off</source>
        <translation>aus</translation>
    </message>
    <message>
        <source>on</source>
        <translation>ein</translation>
    </message>
    <message>
        <source>{} nodes</source>
        <translation>{} Knoten</translation>
    </message>
    <message>
        <source>{} task slots</source>
        <translation>{} Taskslots</translation>
    </message>
</context>
<context>
    <name>JobView</name>
    <message>
        <source>All states</source>
        <translation>Alle Zustände</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Delete job</source>
        <translation>Job löschen</translation>
    </message>
    <message>
        <source>Delete job {job} and its task? Its files on the nodes go too. This cannot be undone.</source>
        <translation>Job {job} mitsamt seinem Task löschen? Seine Dateien auf den Knoten werden ebenfalls gelöscht. Dies kann nicht rückgängig gemacht werden.</translation>
    </message>
    <message>
        <source>Delete job {job} and its {count} tasks? Their files on the nodes go too. This cannot be undone.</source>
        <translation>Job {job} mitsamt seinen {count} Tasks löschen? Ihre Dateien auf den Knoten werden ebenfalls gelöscht. Dies kann nicht rückgängig gemacht werden.</translation>
    </message>
    <message>
        <source>Delete job…</source>
        <translation>Job löschen…</translation>
    </message>
    <message>
        <source>Delete task {task} and its files? This cannot be undone.</source>
        <translation>Task {task} mitsamt seinen Dateien löschen? Dies kann nicht rückgängig gemacht werden.</translation>
    </message>
    <message>
        <source>Delete tasks</source>
        <translation>Tasks löschen</translation>
    </message>
    <message>
        <source>Delete tasks…</source>
        <translation>Tasks löschen…</translation>
    </message>
    <message>
        <source>Delete the job and its tasks</source>
        <translation>Den Job und seine Tasks löschen</translation>
    </message>
    <message>
        <source>Delete the selected tasks</source>
        <translation>Die ausgewählten Tasks löschen</translation>
    </message>
    <message>
        <source>Delete {count} tasks and their files? This cannot be undone.</source>
        <translation>{count} Tasks mitsamt ihren Dateien löschen? Dies kann nicht rückgängig gemacht werden.</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>Anzeigename</translation>
    </message>
    <message>
        <source>Filter tasks</source>
        <translation>Tasks filtern</translation>
    </message>
    <message>
        <source>Filter tasks by id, name, node or failure (Ctrl+F)</source>
        <translation>Tasks nach ID, Name, Knoten oder Fehlschlag filtern (Strg+F)</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Job {job}</source>
        <translation>Job {job}</translation>
    </message>
    <message>
        <source>Loading tasks…</source>
        <translation>Tasks werden geladen…</translation>
    </message>
    <message>
        <source>One row per task; Enter opens it, the context menu acts on the selected tasks</source>
        <translation>Eine Zeile pro Task; Eingabe öffnet ihn, das Kontextmenü wirkt auf die ausgewählten Tasks</translation>
    </message>
    <message>
        <source>Open pool</source>
        <translation>Pool öffnen</translation>
    </message>
    <message>
        <source>Open task</source>
        <translation>Task öffnen</translation>
    </message>
    <message>
        <source>Pool</source>
        <translation>Pool</translation>
    </message>
    <message>
        <source>Show the pool this job runs on</source>
        <translation>Den Pool anzeigen, auf dem dieser Job läuft</translation>
    </message>
    <message>
        <source>Show the selected task</source>
        <translation>Den ausgewählten Task anzeigen</translation>
    </message>
    <message>
        <source>Shows only the tasks in this state</source>
        <translation>Zeigt nur die Tasks in diesem Zustand</translation>
    </message>
    <message>
        <source>Shows only the tasks whose id, name or failure contains this text</source>
        <translation>Zeigt nur die Tasks, deren ID, Name oder Fehlschlag diesen Text enthält</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Stop the job&apos;s tasks</source>
        <translation>Die Tasks des Jobs beenden</translation>
    </message>
    <message>
        <source>Stop the selected tasks</source>
        <translation>Die ausgewählten Tasks beenden</translation>
    </message>
    <message>
        <source>Task state</source>
        <translation>Taskzustand</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>Tasks</translation>
    </message>
    <message>
        <source>Tasks of job %1</source>
        <translation>Tasks von Job %1</translation>
    </message>
    <message>
        <source>Terminate</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>Terminate job</source>
        <translation>Job beenden</translation>
    </message>
    <message>
        <source>Terminate job {job}? Its running tasks are stopped and no new tasks start.</source>
        <translation>Job {job} beenden? Seine laufenden Tasks werden gestoppt, und es starten keine neuen Tasks.</translation>
    </message>
    <message>
        <source>Terminate job…</source>
        <translation>Job beenden…</translation>
    </message>
    <message>
        <source>Terminate task {task}?</source>
        <translation>Task {task} beenden?</translation>
    </message>
    <message>
        <source>Terminate tasks</source>
        <translation>Tasks beenden</translation>
    </message>
    <message>
        <source>Terminate tasks…</source>
        <translation>Tasks beenden…</translation>
    </message>
    <message>
        <source>Terminate {count} tasks?</source>
        <translation>{count} Tasks beenden?</translation>
    </message>
    <message>
        <source>job {job}</source>
        <translation>Job {job}</translation>
    </message>
    <message>
        <source>tasks</source>
        <translation>Tasks</translation>
    </message>
</context>
<context>
    <name>LocalBatchForm</name>
    <message>
        <source>Choose…</source>
        <translation>Auswählen…</translation>
    </message>
    <message>
        <source>Data folder:</source>
        <translation>Datenordner:</translation>
    </message>
    <message>
        <source>Local Batch data folder</source>
        <translation>Local Batch-Datenordner</translation>
    </message>
    <message>
        <source>Local Batch keeps its pools, jobs, tasks and node files in this folder.</source>
        <translation>Local Batch bewahrt seine Pools, Jobs, Tasks und Knotendateien in diesem Ordner auf.</translation>
    </message>
    <message>
        <source>the default: the user data folder</source>
        <translation>Standard: der Datenordner des Benutzers</translation>
    </message>
</context>
<context>
    <name>LocalBatchService</name>
    <message>
        <source>Another Local Batch (pid {pid}) owns {data_dir} but does not answer. Stop it (kill {pid}) or choose another data dir.</source>
        <translation>Ein anderes Local Batch (PID {pid}) belegt {data_dir}, antwortet aber nicht. Beenden Sie es (kill {pid}), oder wählen Sie einen anderen Datenordner.</translation>
    </message>
    <message>
        <source>Another Local Batch (pid {pid}, {endpoint}) owns {data_dir}, and its key is not in {key_file}: it was started with its own key. Stop it or choose another data dir.</source>
        <translation>Ein anderes Local Batch (PID {pid}, {endpoint}) belegt {data_dir}, und sein Schlüssel steht nicht in {key_file}: Es wurde mit einem eigenen Schlüssel gestartet. Beenden Sie es, oder wählen Sie einen anderen Datenordner.</translation>
    </message>
    <message>
        <source>Its log ends with:
{lines}</source>
        <translation>Sein Protokoll endet mit:
{lines}</translation>
    </message>
    <message>
        <source>Local Batch exited before it was ready. {log}</source>
        <translation>Local Batch wurde beendet, bevor es bereit war. {log}</translation>
    </message>
    <message>
        <source>Local Batch gave no ready line in time. {log}</source>
        <translation>Local Batch hat nicht rechtzeitig gemeldet, dass es bereit ist. {log}</translation>
    </message>
    <message>
        <source>Local Batch is already running</source>
        <translation>Local Batch läuft bereits</translation>
    </message>
    <message>
        <source>exit code {code}</source>
        <translation>Exitcode {code}</translation>
    </message>
    <message>
        <source>it is still running</source>
        <translation>es läuft noch</translation>
    </message>
    <message>
        <source>it was not running</source>
        <translation>es lief nicht</translation>
    </message>
    <message>
        <source>killed by signal {number}</source>
        <translation>durch Signal {number} beendet</translation>
    </message>
    <message>
        <source>killed by {signal}</source>
        <translation>durch {signal} beendet</translation>
    </message>
    <message>
        <source>the process that ran it, pid {pid}, ended</source>
        <translation>der Prozess, der es ausführte (PID {pid}), wurde beendet</translation>
    </message>
</context>
<context>
    <name>LogBrowser</name>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Download {name}</source>
        <translation>{name} herunterladen</translation>
    </message>
    <message>
        <source>Download {name} into</source>
        <translation>{name} herunterladen nach</translation>
    </message>
    <message>
        <source>Download…</source>
        <translation>Herunterladen…</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Dateien</translation>
    </message>
    <message>
        <source>Folders and files; selecting a file shows it beside the list</source>
        <translation>Ordner und Dateien; eine ausgewählte Datei wird neben der Liste angezeigt</translation>
    </message>
    <message>
        <source>Select a file to read it.</source>
        <translation>Wählen Sie eine Datei aus, um sie zu lesen.</translation>
    </message>
    <message>
        <source>files</source>
        <translation>Dateien</translation>
    </message>
    <message>
        <source>subtask {number} on {node}</source>
        <translation>Subtask {number} auf {node}</translation>
    </message>
    <message>
        <source>task {task} (primary)</source>
        <translation>Task {task} (primär)</translation>
    </message>
    <message>
        <source>{done} of {total} files, {percent}</source>
        <translation>{done} von {total} Dateien, {percent}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;About MPI Explorer</source>
        <translation>Ü&amp;ber MPI Explorer</translation>
    </message>
    <message>
        <source>&amp;Accounts…</source>
        <translation>&amp;Konten…</translation>
    </message>
    <message>
        <source>&amp;Close view</source>
        <translation>Ansicht s&amp;chließen</translation>
    </message>
    <message>
        <source>&amp;Connection</source>
        <translation>&amp;Verbindung</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>&amp;Dunkel</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>&amp;Suchen…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;Import task JSON…</source>
        <translation>Task-JSON &amp;importieren…</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>&amp;Hell</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>&amp;Neu</translation>
    </message>
    <message>
        <source>&amp;Pool…</source>
        <translation>&amp;Pool…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>&amp;Retry now</source>
        <translation>Jetzt e&amp;rneut versuchen</translation>
    </message>
    <message>
        <source>&amp;Run on another account…</source>
        <translation>Auf einem anderen Konto a&amp;usführen…</translation>
    </message>
    <message>
        <source>&amp;System</source>
        <translation>&amp;System</translation>
    </message>
    <message>
        <source>&amp;Task…</source>
        <translation>&amp;Task…</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>&amp;Design</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>Available once connected to “{profile}”</source>
        <translation>Verfügbar nach Verbindung mit „{profile}“</translation>
    </message>
    <message>
        <source>Choose a pool or a job on the left, or create one from the New menu.</source>
        <translation>Wählen Sie links einen Pool oder Job, oder erstellen Sie einen über das Menü „Neu“.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Close others</source>
        <translation>Andere schließen</translation>
    </message>
    <message>
        <source>F&amp;ollow output</source>
        <translation>Ausgabe &amp;folgen</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importieren</translation>
    </message>
    <message>
        <source>Import task JSON</source>
        <translation>Task-JSON importieren</translation>
    </message>
    <message>
        <source>MPI Explorer — {profile}</source>
        <translation>MPI Explorer – {profile}</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>Hauptsymbolleiste</translation>
    </message>
    <message>
        <source>New pool</source>
        <translation>Neuer Pool</translation>
    </message>
    <message>
        <source>New task</source>
        <translation>Neuer Task</translation>
    </message>
    <message>
        <source>Open a task first: Run on another account… sends the task shown.</source>
        <translation>Öffnen Sie zuerst einen Task: „Auf einem anderen Konto ausführen…“ sendet den angezeigten Task.</translation>
    </message>
    <message>
        <source>Task from &amp;sample</source>
        <translation>Task aus &amp;Beispiel</translation>
    </message>
    <message>
        <source>job {id}</source>
        <translation>Job {id}</translation>
    </message>
    <message>
        <source>node {id}</source>
        <translation>Knoten {id}</translation>
    </message>
    <message>
        <source>pool {id}</source>
        <translation>Pool {id}</translation>
    </message>
    <message>
        <source>task {id}</source>
        <translation>Task {id}</translation>
    </message>
</context>
<context>
    <name>MpiPage</name>
    <message>
        <source>Application command</source>
        <translation>Anwendungsbefehl</translation>
    </message>
    <message>
        <source>Application command:</source>
        <translation>Anwendungsbefehl:</translation>
    </message>
    <message>
        <source>As written (no preset)</source>
        <translation>Wie geschrieben (keine Vorlage)</translation>
    </message>
    <message>
        <source>Batch runs commands without a shell; the presets wrap them in /bin/bash -c (Linux) or cmd /c (Windows) so that $AZ_BATCH_HOST_LIST and friends are expanded on the node.</source>
        <translation>Batch führt Befehle ohne Shell aus; die Vorlagen umschließen sie mit /bin/bash -c (Linux) oder cmd /c (Windows), damit $AZ_BATCH_HOST_LIST und Co. auf dem Knoten erweitert werden.</translation>
    </message>
    <message>
        <source>Coordination command</source>
        <translation>Koordinationsbefehl</translation>
    </message>
    <message>
        <source>Coordination command:</source>
        <translation>Koordinationsbefehl:</translation>
    </message>
    <message>
        <source>Every instance runs: {}</source>
        <translation>Jede Instanz führt aus: {}</translation>
    </message>
    <message>
        <source>MPI</source>
        <translation>MPI</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <source>Preset:</source>
        <translation>Vorlage:</translation>
    </message>
    <message>
        <source>Processes per node:</source>
        <translation>Prozesse pro Knoten:</translation>
    </message>
    <message>
        <source>Program:</source>
        <translation>Programm:</translation>
    </message>
    <message>
        <source>Then the primary runs: {}</source>
        <translation>Dann führt die primäre Instanz aus: {}</translation>
    </message>
    <message>
        <source>What every instance runs</source>
        <translation>Was jede Instanz ausführt</translation>
    </message>
    <message>
        <source>What the primary runs</source>
        <translation>Was die primäre Instanz ausführt</translation>
    </message>
    <message>
        <source>what every rank runs, e.g. python3 $AZ_BATCH_TASK_SHARED_DIR/hello.py</source>
        <translation>was jeder Rang ausführt, z. B. python3 $AZ_BATCH_TASK_SHARED_DIR/hello.py</translation>
    </message>
</context>
<context>
    <name>MpiPresets</name>
    <message>
        <source>Cannot run {instances} instances with {per_node} processes per node; both must be at least 1.</source>
        <translation>{instances} Instanzen mit {per_node} Prozessen pro Knoten sind nicht möglich; beide Werte müssen mindestens 1 sein.</translation>
    </message>
    <message>
        <source>The program is empty; enter what each MPI rank runs, e.g. &apos;python3 hello.py&apos;.</source>
        <translation>Das Programm fehlt; geben Sie ein, was jeder MPI-Rang ausführt, z. B. „python3 hello.py“.</translation>
    </message>
    <message>
        <source>The program spans several lines; a command line is one line, so join them with &apos; &amp;&amp; &apos;.</source>
        <translation>Das Programm erstreckt sich über mehrere Zeilen; eine Befehlszeile ist einzeilig, verbinden Sie sie daher mit „ &amp;&amp; “.</translation>
    </message>
    <message>
        <source>{preset} does not run on {family} pools; choose one of: {usable}.</source>
        <translation>{preset} läuft nicht auf {family}-Pools; wählen Sie eine dieser Vorlagen: {usable}.</translation>
    </message>
</context>
<context>
    <name>NavigatorPanel</name>
    <message>
        <source>1 node</source>
        <translation>1 Knoten</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Verbinden</translation>
    </message>
    <message>
        <source>Connection profiles</source>
        <translation>Verbindungsprofile</translation>
    </message>
    <message>
        <source>Connection profiles, then the pools and jobs of the current one; Enter opens the item</source>
        <translation>Verbindungsprofile, darunter die Pools und Jobs des aktuellen; Eingabe öffnet das Element</translation>
    </message>
    <message>
        <source>Delete job…</source>
        <translation>Job löschen…</translation>
    </message>
    <message>
        <source>Delete pool…</source>
        <translation>Pool löschen…</translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation>Jobs</translation>
    </message>
    <message>
        <source>Navigator</source>
        <translation>Navigator</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>Pools</source>
        <translation>Pools</translation>
    </message>
    <message>
        <source>Resize…</source>
        <translation>Größe ändern…</translation>
    </message>
    <message>
        <source>Terminate job…</source>
        <translation>Job beenden…</translation>
    </message>
    <message>
        <source>connecting…</source>
        <translation>verbinde…</translation>
    </message>
    <message>
        <source>current</source>
        <translation>aktuell</translation>
    </message>
    <message>
        <source>not connected</source>
        <translation>nicht verbunden</translation>
    </message>
    <message>
        <source>pool {pool}</source>
        <translation>Pool {pool}</translation>
    </message>
    <message>
        <source>{current} nodes</source>
        <translation>{current} Knoten</translation>
    </message>
    <message>
        <source>{current} → {target} nodes</source>
        <translation>{current} → {target} Knoten</translation>
    </message>
    <message>
        <source>{nodes}, {state}</source>
        <translation>{nodes}, {state}</translation>
    </message>
</context>
<context>
    <name>NodeHeatmap</name>
    <message>
        <source>dedicated</source>
        <translation>dediziert</translation>
    </message>
    <message>
        <source>ip: {ip}</source>
        <translation>IP: {ip}</translation>
    </message>
    <message>
        <source>low priority</source>
        <translation>niedrige Priorität</translation>
    </message>
    <message>
        <source>low priority (spot)</source>
        <translation>niedrige Priorität (Spot)</translation>
    </message>
    <message>
        <source>no IP address known</source>
        <translation>keine IP-Adresse bekannt</translation>
    </message>
    <message>
        <source>no figures</source>
        <translation>keine Werte</translation>
    </message>
    <message>
        <source>node {node}: {state}, {ip}, {used} of {total} task slots in use, {priority}; {position}</source>
        <translation>Knoten {node}: {state}, {ip}, {used} von {total} Taskslots belegt, {priority}; {position}</translation>
    </message>
    <message>
        <source>state: {state}</source>
        <translation>Zustand: {state}</translation>
    </message>
    <message>
        <source>task slots: {used}/{total}</source>
        <translation>Taskslots: {used}/{total}</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>{number} of {count}</source>
        <translation>{number} von {count}</translation>
    </message>
</context>
<context>
    <name>NodeMetricsCharts</name>
    <message>
        <source>At {time}, {who}: CPU {cpu:.0f} %, memory {mem:.0f} % ({used} of {total}), network {rx:.2f}/{tx:.2f} MB/s in/out, disk {read:.2f}/{write:.2f} MB/s read/write, {free:.1f} GB free</source>
        <translation>Um {time}, {who}: CPU {cpu:.0f} %, Arbeitsspeicher {mem:.0f} % ({used} von {total}), Netzwerk {rx:.2f}/{tx:.2f} MB/s ein/aus, Datenträger {read:.2f}/{write:.2f} MB/s lesen/schreiben, {free:.1f} GB frei</translation>
    </message>
    <message>
        <source>CPU (%)</source>
        <translation>CPU (%)</translation>
    </message>
    <message>
        <source>Disk (MB/s)</source>
        <translation>Datenträger (MB/s)</translation>
    </message>
    <message>
        <source>Latest figures</source>
        <translation>Neueste Messwerte</translation>
    </message>
    <message>
        <source>Memory (%)</source>
        <translation>Arbeitsspeicher (%)</translation>
    </message>
    <message>
        <source>Network (MB/s)</source>
        <translation>Netzwerk (MB/s)</translation>
    </message>
    <message>
        <source>No figures yet</source>
        <translation>Noch keine Messwerte</translation>
    </message>
    <message>
        <source>The node&apos;s latest sample, in words</source>
        <translation>Die neueste Messung des Knotens, in Worten</translation>
    </message>
    <message>
        <source>busy</source>
        <translation>belegt</translation>
    </message>
    <message>
        <source>host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>in</source>
        <translation>ein</translation>
    </message>
    <message>
        <source>out</source>
        <translation>aus</translation>
    </message>
    <message>
        <source>read</source>
        <translation>lesen</translation>
    </message>
    <message>
        <source>the node</source>
        <translation>der Knoten</translation>
    </message>
    <message>
        <source>this node&apos;s processes</source>
        <translation>die Prozesse dieses Knotens</translation>
    </message>
    <message>
        <source>used</source>
        <translation>belegt</translation>
    </message>
    <message>
        <source>write</source>
        <translation>schreiben</translation>
    </message>
</context>
<context>
    <name>NodeMetricsOption</name>
    <message>
        <source>A start task copies MPI Explorer&apos;s node sampler (a small Python 3 script, no packages needed) to each node&apos;s shared directory and runs it in the background, elevated so that it sees every task&apos;s processes. It writes a sample every 5 seconds to shared/mpi-explorer/metrics.jsonl (at most 2 MB), which the explorer reads through the Batch API: no Azure add-on, no agent. An existing start task keeps its command, run after the sampler is started.</source>
        <translation>Ein Starttask kopiert den Knoten-Sampler von MPI Explorer (ein kleines Python-3-Skript, keine Pakete nötig) in das gemeinsame Verzeichnis jedes Knotens und führt ihn im Hintergrund mit erhöhten Rechten aus, damit er die Prozesse jedes Tasks sieht. Er schreibt alle 5 Sekunden eine Messung nach shared/mpi-explorer/metrics.jsonl (höchstens 2 MB), die der Explorer über die Batch-API liest: kein Azure-Add-on, kein Agent. Ein vorhandener Starttask behält seinen Befehl, der nach dem Start des Samplers ausgeführt wird.</translation>
    </message>
    <message>
        <source>Collect node metrics (CPU, memory, network, disk)</source>
        <translation>Knotenmetriken erfassen (CPU, Arbeitsspeicher, Netzwerk, Datenträger)</translation>
    </message>
    <message>
        <source>Node metrics</source>
        <translation>Knotenmetriken</translation>
    </message>
    <message>
        <source>The node sampler is being uploaded…</source>
        <translation>Der Knoten-Sampler wird hochgeladen…</translation>
    </message>
    <message>
        <source>The sampler could not be uploaded: {}</source>
        <translation>Der Sampler konnte nicht hochgeladen werden: {}</translation>
    </message>
    <message>
        <source>The sampler is in the linked storage; the nodes download it with a read-only link.</source>
        <translation>Der Sampler liegt im verknüpften Speicher; die Knoten laden ihn über einen schreibgeschützten Link herunter.</translation>
    </message>
    <message>
        <source>This account has no linked storage to hand the sampler to the nodes. Link a storage account (Connection &gt; Accounts…), or add the start task from the README&apos;s “Node metrics” section with the sampler at a URL of your own.</source>
        <translation>Dieses Konto hat keinen verknüpften Speicher, über den die Knoten den Sampler erhalten könnten. Verknüpfen Sie ein Speicherkonto (Verbindung &gt; Konten…), oder fügen Sie den Starttask aus dem Abschnitt „Node metrics“ der README mit dem Sampler unter einer eigenen URL hinzu.</translation>
    </message>
    <message>
        <source>Untick the box to create the pool without node metrics, or tick it again to retry.</source>
        <translation>Entfernen Sie das Häkchen, um den Pool ohne Knotenmetriken zu erstellen, oder setzen Sie es erneut, um es noch einmal zu versuchen.</translation>
    </message>
    <message>
        <source>Uploading the sampler to the linked storage…</source>
        <translation>Der Sampler wird in den verknüpften Speicher hochgeladen…</translation>
    </message>
</context>
<context>
    <name>NodeTableModel</name>
    <message>
        <source>1 node: {states}</source>
        <translation>1 Knoten: {states}</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>IP address</source>
        <translation>IP-Adresse</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>In state since</source>
        <translation>Im Zustand seit</translation>
    </message>
    <message>
        <source>No nodes</source>
        <translation>Keine Knoten</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorität</translation>
    </message>
    <message>
        <source>Running tasks</source>
        <translation>Laufende Tasks</translation>
    </message>
    <message>
        <source>Scheduling</source>
        <translation>Planung</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Tasks run</source>
        <translation>Ausgeführte Tasks</translation>
    </message>
    <message>
        <source>dedicated</source>
        <translation>dediziert</translation>
    </message>
    <message>
        <source>low priority</source>
        <translation>niedrige Priorität</translation>
    </message>
    <message>
        <source>{count} nodes: {states}</source>
        <translation>{count} Knoten: {states}</translation>
    </message>
    <message>
        <source>{count} {state}</source>
        <translation>{count} {state}</translation>
    </message>
</context>
<context>
    <name>NodeView</name>
    <message>
        <source>CPU, memory, network and disk of this node</source>
        <translation>CPU, Arbeitsspeicher, Netzwerk und Datenträger dieses Knotens</translation>
    </message>
    <message>
        <source>Double-click a task to open it</source>
        <translation>Doppelklicken Sie auf einen Task, um ihn zu öffnen</translation>
    </message>
    <message>
        <source>Exit code</source>
        <translation>Exitcode</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Dateien</translation>
    </message>
    <message>
        <source>Instance</source>
        <translation>Instanz</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>Job</translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation>Metriken</translation>
    </message>
    <message>
        <source>No figures from this node yet. A node writes its first within seconds of starting if its pool runs the node sampler: tick “Collect node metrics” when you create a pool, or add the sampler&apos;s start task to it (README, “Node metrics”).</source>
        <translation>Noch keine Messwerte von diesem Knoten. Ein Knoten schreibt seine ersten binnen Sekunden nach dem Start, wenn sein Pool den Knoten-Sampler ausführt: Aktivieren Sie „Knotenmetriken erfassen“ beim Erstellen eines Pools, oder fügen Sie ihm den Starttask des Samplers hinzu (README, „Node metrics“).</translation>
    </message>
    <message>
        <source>Node metrics</source>
        <translation>Knotenmetriken</translation>
    </message>
    <message>
        <source>Node {node}</source>
        <translation>Knoten {node}</translation>
    </message>
    <message>
        <source>Open pool</source>
        <translation>Pool öffnen</translation>
    </message>
    <message>
        <source>Reboot</source>
        <translation>Neu starten</translation>
    </message>
    <message>
        <source>Reboot node</source>
        <translation>Knoten neu starten</translation>
    </message>
    <message>
        <source>Reboot node {node}? Tasks running on it are requeued.</source>
        <translation>Knoten {node} neu starten? Darauf laufende Tasks werden wieder in die Warteschlange gestellt.</translation>
    </message>
    <message>
        <source>Reboot this node</source>
        <translation>Diesen Knoten neu starten</translation>
    </message>
    <message>
        <source>Reboot…</source>
        <translation>Neu starten…</translation>
    </message>
    <message>
        <source>Recent tasks</source>
        <translation>Letzte Tasks</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Remove from pool…</source>
        <translation>Aus dem Pool entfernen…</translation>
    </message>
    <message>
        <source>Remove node</source>
        <translation>Knoten entfernen</translation>
    </message>
    <message>
        <source>Remove node {node} from pool {pool}? Tasks running on it are requeued.</source>
        <translation>Knoten {node} aus Pool {pool} entfernen? Darauf laufende Tasks werden wieder in die Warteschlange gestellt.</translation>
    </message>
    <message>
        <source>Remove this node from its pool</source>
        <translation>Diesen Knoten aus seinem Pool entfernen</translation>
    </message>
    <message>
        <source>Show pool {pool}</source>
        <translation>Pool {pool} anzeigen</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Task</translation>
    </message>
    <message>
        <source>The node&apos;s figures could not be read: {}</source>
        <translation>Die Messwerte des Knotens konnten nicht gelesen werden: {}</translation>
    </message>
    <message>
        <source>The tasks this node ran last; Enter opens one</source>
        <translation>Die zuletzt auf diesem Knoten ausgeführten Tasks; Eingabe öffnet einen</translation>
    </message>
    <message>
        <source>node {node}</source>
        <translation>Knoten {node}</translation>
    </message>
    <message>
        <source>primary</source>
        <translation>primär</translation>
    </message>
</context>
<context>
    <name>Operations</name>
    <message>
        <source>Could not {action}: {reason}</source>
        <translation>Fehlgeschlagen: {action} – {reason}</translation>
    </message>
    <message>
        <source>count the tasks of job {job}</source>
        <translation>Tasks von Job {job} zählen</translation>
    </message>
    <message>
        <source>delete job {job}</source>
        <translation>Job {job} löschen</translation>
    </message>
    <message>
        <source>delete pool {pool}</source>
        <translation>Pool {pool} löschen</translation>
    </message>
    <message>
        <source>delete task {task}</source>
        <translation>Task {task} löschen</translation>
    </message>
    <message>
        <source>list the files</source>
        <translation>Dateien auflisten</translation>
    </message>
    <message>
        <source>list {directory}</source>
        <translation>{directory} auflisten</translation>
    </message>
    <message>
        <source>read node {node}</source>
        <translation>Knoten {node} lesen</translation>
    </message>
    <message>
        <source>read pool {pool}</source>
        <translation>Pool {pool} lesen</translation>
    </message>
    <message>
        <source>read task {task}</source>
        <translation>Task {task} lesen</translation>
    </message>
    <message>
        <source>reboot node {node}</source>
        <translation>Knoten {node} neu starten</translation>
    </message>
    <message>
        <source>remove node {node} from pool {pool}</source>
        <translation>Knoten {node} aus Pool {pool} entfernen</translation>
    </message>
    <message>
        <source>remove {count} nodes from pool {pool}</source>
        <translation>{count} Knoten aus Pool {pool} entfernen</translation>
    </message>
    <message>
        <source>resize pool {pool}</source>
        <translation>Größe von Pool {pool} ändern</translation>
    </message>
    <message>
        <source>stop resizing pool {pool}</source>
        <translation>Größenänderung von Pool {pool} beenden</translation>
    </message>
    <message>
        <source>terminate job {job}</source>
        <translation>Job {job} beenden</translation>
    </message>
    <message>
        <source>terminate task {task}</source>
        <translation>Task {task} beenden</translation>
    </message>
</context>
<context>
    <name>OutputPane</name>
    <message>
        <source>%1 more</source>
        <translation>%1 weitere</translation>
    </message>
    <message>
        <source>Follow</source>
        <translation>Folgen</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <source>Ranks</source>
        <translation>Ränge</translation>
    </message>
    <message>
        <source>Ranks that wrote no line for a while, as this window saw the output</source>
        <translation>Ränge, die eine Weile keine Zeile geschrieben haben, wie dieses Fenster die Ausgabe sah</translation>
    </message>
    <message>
        <source>Ranks:</source>
        <translation>Ränge:</translation>
    </message>
    <message>
        <source>Show the lines of these MPI ranks only, e.g. 1 or 0, 2-5; empty: every rank</source>
        <translation>Nur die Zeilen dieser MPI-Ränge anzeigen, z. B. 1 oder 0, 2-5; leer: alle Ränge</translation>
    </message>
    <message>
        <source>The file&apos;s text; Page Up and Page Down scroll, Ctrl+F finds</source>
        <translation>Der Text der Datei; Bild auf und Bild ab blättern, Strg+F sucht</translation>
    </message>
    <message>
        <source>all ranks</source>
        <translation>alle Ränge</translation>
    </message>
    <message>
        <source>rank %1 silent for %2 s</source>
        <translation>Rang %1 seit %2 s still</translation>
    </message>
</context>
<context>
    <name>PoolChecks</name>
    <message>
        <source>Choose or create a pool with 1 task slot per node (it cannot be changed later).</source>
        <translation>Wählen oder erstellen Sie einen Pool mit 1 Taskslot pro Knoten (das lässt sich später nicht ändern).</translation>
    </message>
    <message>
        <source>Choose or create a pool with inter-node communication enabled (it cannot be turned on later).</source>
        <translation>Wählen oder erstellen Sie einen Pool mit aktivierter Kommunikation zwischen Knoten (sie lässt sich später nicht einschalten).</translation>
    </message>
    <message>
        <source>Pick an MPI preset for {pool_family}, or choose a {family} pool.</source>
        <translation>Wählen Sie eine MPI-Vorlage für {pool_family}, oder wählen Sie einen {family}-Pool.</translation>
    </message>
    <message>
        <source>Pool &apos;{pool}&apos; does not allow inter-node communication, so the task would stay queued forever.</source>
        <translation>Pool „{pool}“ erlaubt keine Kommunikation zwischen Knoten, der Task bliebe also für immer in der Warteschlange.</translation>
    </message>
    <message>
        <source>Pool &apos;{pool}&apos; has {slots} task slots per node; multi-instance tasks run only on pools with 1, so the task would stay queued forever.</source>
        <translation>Pool „{pool}“ hat {slots} Taskslots pro Knoten; Tasks mit mehreren Instanzen laufen nur auf Pools mit 1, der Task bliebe also für immer in der Warteschlange.</translation>
    </message>
    <message>
        <source>Resize the pool to {needed} nodes, or lower the number of instances to {available}.</source>
        <translation>Skalieren Sie den Pool auf {needed} Knoten, oder verringern Sie die Anzahl der Instanzen auf {available}.</translation>
    </message>
    <message>
        <source>Resize the pool to {needed} nodes.</source>
        <translation>Skalieren Sie den Pool auf {needed} Knoten.</translation>
    </message>
    <message>
        <source>The command starts with &apos;{shell}&apos;, which runs on {family} but pool &apos;{pool}&apos; runs {pool_family}.</source>
        <translation>Der Befehl beginnt mit „{shell}“, was unter {family} läuft, aber Pool „{pool}“ läuft unter {pool_family}.</translation>
    </message>
    <message>
        <source>The task needs {needed} nodes (one per instance) but pool &apos;{pool}&apos; has {available}; it would wait in the queue until the pool grows.</source>
        <translation>Der Task braucht {needed} Knoten (einen pro Instanz), aber Pool „{pool}“ hat {available}; er würde in der Warteschlange warten, bis der Pool wächst.</translation>
    </message>
    <message>
        <source>The task needs {needed} nodes (one per instance) but pool &apos;{pool}&apos; is resizing to {available}; it would wait in the queue until the pool grows.</source>
        <translation>Der Task braucht {needed} Knoten (einen pro Instanz), aber die Größe von Pool „{pool}“ wird auf {available} geändert; er würde in der Warteschlange warten, bis der Pool wächst.</translation>
    </message>
</context>
<context>
    <name>PoolChoice</name>
    <message>
        <source>{pool}: MPI-ready, 1 node</source>
        <translation>{pool}: MPI-bereit, 1 Knoten</translation>
    </message>
    <message>
        <source>{pool}: MPI-ready, {count} nodes</source>
        <translation>{pool}: MPI-bereit, {count} Knoten</translation>
    </message>
    <message>
        <source>{pool}: {problem}</source>
        <translation>{pool}: {problem}</translation>
    </message>
</context>
<context>
    <name>PoolPage</name>
    <message>
        <source>Choose a Linux image, such as {}, or create this pool on an Azure Batch profile.</source>
        <translation>Wählen Sie ein Linux-Image wie {}, oder erstellen Sie diesen Pool in einem Azure Batch-Profil.</translation>
    </message>
    <message>
        <source>Create Windows pools on an Azure Batch profile.</source>
        <translation>Erstellen Sie Windows-Pools in einem Azure Batch-Profil.</translation>
    </message>
    <message>
        <source>Dedicated nodes:</source>
        <translation>Dedizierte Knoten:</translation>
    </message>
    <message>
        <source>Enable inter-node communication</source>
        <translation>Kommunikation zwischen Knoten aktivieren</translation>
    </message>
    <message>
        <source>Enable inter-node communication (needed by MPI)</source>
        <translation>Kommunikation zwischen Knoten aktivieren (für MPI nötig)</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>Image</translation>
    </message>
    <message>
        <source>Image:</source>
        <translation>Image:</translation>
    </message>
    <message>
        <source>Low-priority nodes:</source>
        <translation>Knoten mit niedriger Priorität:</translation>
    </message>
    <message>
        <source>Other image</source>
        <translation>Anderes Image</translation>
    </message>
    <message>
        <source>Pool ID:</source>
        <translation>Pool-ID:</translation>
    </message>
    <message>
        <source>Task slots per node:</source>
        <translation>Taskslots pro Knoten:</translation>
    </message>
    <message>
        <source>VM size:</source>
        <translation>VM-Größe:</translation>
    </message>
</context>
<context>
    <name>PoolPages</name>
    <message>
        <source>Local Batch nodes are Linux processes on this machine, so it cannot run Windows images.</source>
        <translation>Local Batch-Knoten sind Linux-Prozesse auf diesem Computer, daher kann es keine Windows-Images ausführen.</translation>
    </message>
    <message>
        <source>MPI tasks need inter-node communication and one task slot per node; neither can change later. Local Batch accepts any VM size and the Linux images it lists.</source>
        <translation>MPI-Tasks brauchen Kommunikation zwischen Knoten und einen Taskslot pro Knoten; beides lässt sich später nicht ändern. Local Batch akzeptiert jede VM-Größe und die Linux-Images, die es auflistet.</translation>
    </message>
    <message>
        <source>Node agent SKU:</source>
        <translation>Knoten-Agent-SKU:</translation>
    </message>
    <message>
        <source>Offer:</source>
        <translation>Angebot:</translation>
    </message>
    <message>
        <source>Pool</source>
        <translation>Pool</translation>
    </message>
    <message>
        <source>Publisher:</source>
        <translation>Herausgeber:</translation>
    </message>
    <message>
        <source>Runs on every node as it joins the pool, e.g. to install an MPI library.</source>
        <translation>Läuft auf jedem Knoten, sobald er dem Pool beitritt, z. B. um eine MPI-Bibliothek zu installieren.</translation>
    </message>
    <message>
        <source>SKU:</source>
        <translation>SKU:</translation>
    </message>
    <message>
        <source>Start task</source>
        <translation>Starttask</translation>
    </message>
    <message>
        <source>Version:</source>
        <translation>Version:</translation>
    </message>
</context>
<context>
    <name>PoolView</name>
    <message>
        <source>CPU use</source>
        <translation>CPU-Auslastung</translation>
    </message>
    <message>
        <source>Change the number of nodes</source>
        <translation>Die Anzahl der Knoten ändern</translation>
    </message>
    <message>
        <source>Colour by CPU use</source>
        <translation>Nach CPU-Auslastung färben</translation>
    </message>
    <message>
        <source>Colour by memory use</source>
        <translation>Nach Speichernutzung färben</translation>
    </message>
    <message>
        <source>Colour by state</source>
        <translation>Nach Zustand färben</translation>
    </message>
    <message>
        <source>Colour the nodes by</source>
        <translation>Knoten einfärben nach</translation>
    </message>
    <message>
        <source>Delete pool</source>
        <translation>Pool löschen</translation>
    </message>
    <message>
        <source>Delete pool {pool} and its node? Tasks running on it are stopped. This cannot be undone.</source>
        <translation>Pool {pool} mitsamt seinem Knoten löschen? Darauf laufende Tasks werden gestoppt. Dies kann nicht rückgängig gemacht werden.</translation>
    </message>
    <message>
        <source>Delete pool {pool} and its {count} nodes? Tasks running on them are stopped. This cannot be undone.</source>
        <translation>Pool {pool} mitsamt seinen {count} Knoten löschen? Darauf laufende Tasks werden gestoppt. Dies kann nicht rückgängig gemacht werden.</translation>
    </message>
    <message>
        <source>Delete pool…</source>
        <translation>Pool löschen…</translation>
    </message>
    <message>
        <source>Delete the pool and its nodes</source>
        <translation>Den Pool und seine Knoten löschen</translation>
    </message>
    <message>
        <source>Filter nodes</source>
        <translation>Knoten filtern</translation>
    </message>
    <message>
        <source>Filter nodes by id, IP address or error (Ctrl+F)</source>
        <translation>Knoten nach ID, IP-Adresse oder Fehler filtern (Strg+F)</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>Loading nodes…</source>
        <translation>Knoten werden geladen…</translation>
    </message>
    <message>
        <source>Nodes</source>
        <translation>Knoten</translation>
    </message>
    <message>
        <source>Nodes of pool %1</source>
        <translation>Knoten von Pool %1</translation>
    </message>
    <message>
        <source>Nodes of pool %1 by %2</source>
        <translation>Knoten von Pool %1 nach %2</translation>
    </message>
    <message>
        <source>Nodes of pool %1 by state</source>
        <translation>Knoten von Pool %1 nach Zustand</translation>
    </message>
    <message>
        <source>One row per node; Enter opens it, the context menu acts on the selected nodes</source>
        <translation>Eine Zeile pro Knoten; Eingabe öffnet ihn, das Kontextmenü wirkt auf die ausgewählten Knoten</translation>
    </message>
    <message>
        <source>One tile per node; the arrow keys walk the nodes, each said in words, Enter opens one</source>
        <translation>Eine Kachel pro Knoten; die Pfeiltasten gehen die Knoten durch, jeder in Worten beschrieben, Eingabe öffnet einen</translation>
    </message>
    <message>
        <source>Open node</source>
        <translation>Knoten öffnen</translation>
    </message>
    <message>
        <source>Open node {node}</source>
        <translation>Knoten {node} öffnen</translation>
    </message>
    <message>
        <source>Pool {pool}</source>
        <translation>Pool {pool}</translation>
    </message>
    <message>
        <source>Reboot</source>
        <translation>Neu starten</translation>
    </message>
    <message>
        <source>Reboot node {node}? Tasks running on them are requeued.</source>
        <translation>Knoten {node} neu starten? Darauf laufende Tasks werden wieder in die Warteschlange gestellt.</translation>
    </message>
    <message>
        <source>Reboot nodes</source>
        <translation>Knoten neu starten</translation>
    </message>
    <message>
        <source>Reboot nodes…</source>
        <translation>Knoten neu starten…</translation>
    </message>
    <message>
        <source>Reboot the selected nodes</source>
        <translation>Die ausgewählten Knoten neu starten</translation>
    </message>
    <message>
        <source>Reboot {count} nodes? Tasks running on them are requeued.</source>
        <translation>{count} Knoten neu starten? Darauf laufende Tasks werden wieder in die Warteschlange gestellt.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Remove node {node} from pool {pool}? Tasks running on them are requeued.</source>
        <translation>Knoten {node} aus Pool {pool} entfernen? Darauf laufende Tasks werden wieder in die Warteschlange gestellt.</translation>
    </message>
    <message>
        <source>Remove nodes</source>
        <translation>Knoten entfernen</translation>
    </message>
    <message>
        <source>Remove nodes…</source>
        <translation>Knoten entfernen…</translation>
    </message>
    <message>
        <source>Remove the selected nodes</source>
        <translation>Die ausgewählten Knoten entfernen</translation>
    </message>
    <message>
        <source>Remove {count} nodes from pool {pool}? Tasks running on them are requeued.</source>
        <translation>{count} Knoten aus Pool {pool} entfernen? Darauf laufende Tasks werden wieder in die Warteschlange gestellt.</translation>
    </message>
    <message>
        <source>Resize…</source>
        <translation>Größe ändern…</translation>
    </message>
    <message>
        <source>Show the selected node</source>
        <translation>Den ausgewählten Knoten anzeigen</translation>
    </message>
    <message>
        <source>Shows only the nodes whose id, IP address or error contains this text</source>
        <translation>Zeigt nur die Knoten, deren ID, IP-Adresse oder Fehler diesen Text enthält</translation>
    </message>
    <message>
        <source>State, or CPU or memory use from the node sampler&apos;s figures</source>
        <translation>Zustand, oder CPU- bzw. Arbeitsspeicherauslastung laut den Messwerten des Knoten-Samplers</translation>
    </message>
    <message>
        <source>Stop resize</source>
        <translation>Größenänderung beenden</translation>
    </message>
    <message>
        <source>Stop the resize under way</source>
        <translation>Die laufende Größenänderung beenden</translation>
    </message>
    <message>
        <source>memory use</source>
        <translation>Arbeitsspeicherauslastung</translation>
    </message>
    <message>
        <source>nodes</source>
        <translation>Knoten</translation>
    </message>
    <message>
        <source>pool {pool}</source>
        <translation>Pool {pool}</translation>
    </message>
    <message>
        <source>state</source>
        <translation>Zustand</translation>
    </message>
</context>
<context>
    <name>PoolWizard</name>
    <message>
        <source>Choose another ID, such as &apos;{}&apos;.</source>
        <translation>Wählen Sie eine andere ID, z. B. „{}“.</translation>
    </message>
    <message>
        <source>Create pool</source>
        <translation>Pool erstellen</translation>
    </message>
    <message>
        <source>New pool for MPI tasks</source>
        <translation>Neuer Pool für MPI-Tasks</translation>
    </message>
    <message>
        <source>Pool &apos;{}&apos; already exists.</source>
        <translation>Pool „{}“ existiert bereits.</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Überprüfen</translation>
    </message>
    <message>
        <source>This is the pool exactly as it will be created.</source>
        <translation>So wird der Pool genau erstellt.</translation>
    </message>
</context>
<context>
    <name>Profiles</name>
    <message>
        <source>Local Batch is always there: it cannot be removed</source>
        <translation>Local Batch ist immer da: Es kann nicht entfernt werden</translation>
    </message>
    <message>
        <source>cannot read {path}: {reason}</source>
        <translation>{path} kann nicht gelesen werden: {reason}</translation>
    </message>
    <message>
        <source>cannot write {path}: {reason}</source>
        <translation>{path} kann nicht geschrieben werden: {reason}</translation>
    </message>
    <message>
        <source>invalid profile entry: {reason}</source>
        <translation>ungültiger Profileintrag: {reason}</translation>
    </message>
    <message>
        <source>invalid proxy setting in {path}: {reason}</source>
        <translation>ungültige Proxy-Einstellung in {path}: {reason}</translation>
    </message>
    <message>
        <source>profile names must be unique</source>
        <translation>Profilnamen müssen eindeutig sein</translation>
    </message>
    <message>
        <source>the selected profile &apos;{name}&apos; does not exist</source>
        <translation>das gewählte Profil „{name}“ existiert nicht</translation>
    </message>
    <message>
        <source>there is no profile named &apos;{name}&apos;</source>
        <translation>es gibt kein Profil namens „{name}“</translation>
    </message>
    <message>
        <source>unknown profile kind &apos;{kind}&apos;</source>
        <translation>unbekannte Profilart „{kind}“</translation>
    </message>
    <message>
        <source>{path} has schema version {version}; this version of MPI Explorer reads {supported}</source>
        <translation>{path} hat die Schemaversion {version}; diese Version von MPI Explorer liest {supported}</translation>
    </message>
</context>
<context>
    <name>ProxyForm</name>
    <message>
        <source>Local Batch and Azurite, on this computer, are always reached directly, whatever this says.</source>
        <translation>Local Batch und Azurite auf diesem Computer werden immer direkt erreicht, unabhängig von dieser Einstellung.</translation>
    </message>
    <message>
        <source>None: connect directly</source>
        <translation>Keiner: direkt verbinden</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Kennwort:</translation>
    </message>
    <message>
        <source>Proxy URL:</source>
        <translation>Proxy-URL:</translation>
    </message>
    <message>
        <source>Proxy:</source>
        <translation>Proxy:</translation>
    </message>
    <message>
        <source>The system&apos;s (http_proxy, https_proxy, no_proxy)</source>
        <translation>Der des Systems (http_proxy, https_proxy, no_proxy)</translation>
    </message>
    <message>
        <source>This proxy:</source>
        <translation>Dieser Proxy:</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>Benutzername:</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>optional</translation>
    </message>
    <message>
        <source>optional; kept in the keyring</source>
        <translation>optional; wird im Schlüsselbund aufbewahrt</translation>
    </message>
    <message>
        <source>stored — leave empty to keep it</source>
        <translation>gespeichert – leer lassen, um es beizubehalten</translation>
    </message>
</context>
<context>
    <name>RankChecks</name>
    <message>
        <source>Start {fix_to} processes, unless fewer is what you want.</source>
        <translation>Starten Sie {fix_to} Prozesse, sofern Sie nicht weniger wollen.</translation>
    </message>
    <message>
        <source>Start {places} processes, or use {fitting} instances.</source>
        <translation>Starten Sie {places} Prozesse, oder verwenden Sie {fitting} Instanzen.</translation>
    </message>
    <message>
        <source>Start {places} processes.</source>
        <translation>Starten Sie {places} Prozesse.</translation>
    </message>
    <message>
        <source>The application command starts {ranks} MPI process (-n {ranks}), but {what} make {places} places: some nodes would run nothing.</source>
        <translation>Der Anwendungsbefehl startet {ranks} MPI-Prozess (-n {ranks}), aber {what} ergeben {places} Plätze: Einige Knoten würden nichts ausführen.</translation>
    </message>
    <message>
        <source>The application command starts {ranks} MPI processes (-n {ranks}), but {what} make {places} places: some nodes would run nothing.</source>
        <translation>Der Anwendungsbefehl startet {ranks} MPI-Prozesse (-n {ranks}), aber {what} ergeben {places} Plätze: Einige Knoten würden nichts ausführen.</translation>
    </message>
    <message>
        <source>The application command starts {ranks} MPI processes (-n {ranks}), but {what} make {places}: Open MPI refuses to start, MPICH and Intel MPI put more processes on a node than asked for.</source>
        <translation>Der Anwendungsbefehl startet {ranks} MPI-Prozesse (-n {ranks}), aber {what} ergeben nur {places}: Open MPI verweigert den Start, MPICH und Intel MPI legen mehr Prozesse auf einen Knoten als verlangt.</translation>
    </message>
    <message>
        <source>{count} instance</source>
        <translation>{count} Instanz</translation>
    </message>
    <message>
        <source>{count} instances</source>
        <translation>{count} Instanzen</translation>
    </message>
    <message>
        <source>{count} process</source>
        <translation>{count} Prozess</translation>
    </message>
    <message>
        <source>{count} processes</source>
        <translation>{count} Prozesse</translation>
    </message>
    <message>
        <source>{instances} instances (one node each)</source>
        <translation>{instances} Instanzen (je ein Knoten)</translation>
    </message>
    <message>
        <source>{instances} × {per_node} per node</source>
        <translation>{instances} × {per_node} pro Knoten</translation>
    </message>
</context>
<context>
    <name>Ranks</name>
    <message>
        <source>&apos;{part}&apos; is not a range of ranks: write the lower rank first, like 2-5</source>
        <translation>„{part}“ ist kein Bereich von Rängen: schreiben Sie den kleineren Rang zuerst, z. B. 2-5</translation>
    </message>
    <message>
        <source>&apos;{part}&apos; is not a rank: type rank numbers, like 0, 2-5</source>
        <translation>„{part}“ ist kein Rang: geben Sie Rangnummern ein, z. B. 0, 2-5</translation>
    </message>
    <message>
        <source>&apos;{part}&apos; spans more than 10,000 ranks: narrow it</source>
        <translation>„{part}“ umfasst mehr als 10.000 Ränge: grenzen Sie ihn ein</translation>
    </message>
</context>
<context>
    <name>Rerun</name>
    <message>
        <source>1 file, {bytes} bytes, to {where}</source>
        <translation>1 Datei, {bytes} Bytes, nach {where}</translation>
    </message>
    <message>
        <source>A file must be copied, but the target account has no linked storage: link one in Connection &gt; Accounts…</source>
        <translation>Eine Datei muss kopiert werden, aber das Zielkonto hat keinen verknüpften Speicher: Verknüpfen Sie einen unter Verbindung &gt; Konten…</translation>
    </message>
    <message>
        <source>A pool named {pool} exists there already: choose it, or another name.</source>
        <translation>Dort gibt es bereits einen Pool namens {pool}: Wählen Sie ihn oder einen anderen Namen.</translation>
    </message>
    <message>
        <source>Could not read task {task} of job {job}: {reason}</source>
        <translation>Task {task} von Job {job} konnte nicht gelesen werden: {reason}</translation>
    </message>
    <message>
        <source>Job {job} exists there ({state}, on pool {pool}): choose another job id.</source>
        <translation>Job {job} gibt es dort bereits ({state}, auf Pool {pool}): Wählen Sie eine andere Job-ID.</translation>
    </message>
    <message>
        <source>Job {job} there has a task {task} already: choose another task id.</source>
        <translation>Job {job} hat dort bereits einen Task {task}: Wählen Sie eine andere Task-ID.</translation>
    </message>
    <message>
        <source>Pool {pool} was created for this run and is kept: delete it in its pool view if unwanted.</source>
        <translation>Pool {pool} wurde für diesen Lauf angelegt und bleibt bestehen: Löschen Sie ihn in seiner Poolansicht, wenn Sie ihn nicht brauchen.</translation>
    </message>
    <message>
        <source>Running on the other account stopped at “{step}”: {reason}</source>
        <translation>Die Ausführung auf dem anderen Konto wurde bei „{step}“ abgebrochen: {reason}</translation>
    </message>
    <message>
        <source>Task {task} is not a multi-instance task: only those can be run on another account.</source>
        <translation>Task {task} ist kein Task mit mehreren Instanzen: Nur solche können auf einem anderen Konto ausgeführt werden.</translation>
    </message>
    <message>
        <source>Undone: {undone}.</source>
        <translation>Rückgängig gemacht: {undone}.</translation>
    </message>
    <message>
        <source>auto-storage container {container}</source>
        <translation>Container {container} im automatischen Speicherkonto</translation>
    </message>
    <message>
        <source>downloaded with a managed identity: the target pool needs the same identity</source>
        <translation>mit einer verwalteten Identität heruntergeladen: Der Zielpool braucht dieselbe Identität</translation>
    </message>
    <message>
        <source>ids free, pool {pool} fits the task</source>
        <translation>IDs frei, Pool {pool} passt zum Task</translation>
    </message>
    <message>
        <source>ids free, pool {pool} fits the task, job {job} reused</source>
        <translation>IDs frei, Pool {pool} passt zum Task, Job {job} wird weiterverwendet</translation>
    </message>
    <message>
        <source>job {job} could not be deleted ({reason}): delete it in the job view</source>
        <translation>Job {job} konnte nicht gelöscht werden ({reason}): Löschen Sie ihn in der Jobansicht</translation>
    </message>
    <message>
        <source>job {job} created on pool {pool}</source>
        <translation>Job {job} auf Pool {pool} angelegt</translation>
    </message>
    <message>
        <source>job {job} deleted again</source>
        <translation>Job {job} wieder gelöscht</translation>
    </message>
    <message>
        <source>not in the source account&apos;s storage: the target&apos;s nodes download it from where it is</source>
        <translation>nicht im Speicher des Quellkontos: Die Knoten des Ziels laden sie von dort herunter, wo sie liegt</translation>
    </message>
    <message>
        <source>nothing to copy</source>
        <translation>nichts zu kopieren</translation>
    </message>
    <message>
        <source>pool {pool} created ({size}, 1 node)</source>
        <translation>Pool {pool} angelegt ({size}, 1 Knoten)</translation>
    </message>
    <message>
        <source>pool {pool} created ({size}, {count} nodes)</source>
        <translation>Pool {pool} angelegt ({size}, {count} Knoten)</translation>
    </message>
    <message>
        <source>task {task} added to job {job}</source>
        <translation>Task {task} zu Job {job} hinzugefügt</translation>
    </message>
    <message>
        <source>the copied file deleted</source>
        <translation>die kopierte Datei gelöscht</translation>
    </message>
    <message>
        <source>the target account&apos;s auto-storage must have this container</source>
        <translation>das automatische Speicherkonto des Zielkontos muss diesen Container haben</translation>
    </message>
    <message>
        <source>the {count} copied files deleted</source>
        <translation>die {count} kopierten Dateien gelöscht</translation>
    </message>
    <message>
        <source>{count} files must be copied, but the target account has no linked storage: link one in Connection &gt; Accounts…</source>
        <translation>{count} Dateien müssen kopiert werden, aber das Zielkonto hat keinen verknüpften Speicher: Verknüpfen Sie einen unter Verbindung &gt; Konten…</translation>
    </message>
    <message>
        <source>{count} files, {bytes} bytes, to {where}</source>
        <translation>{count} Dateien, {bytes} Bytes, nach {where}</translation>
    </message>
    <message>
        <source>{file} is in the source storage, which is not reachable now.</source>
        <translation>{file} liegt im Speicher des Quellkontos, der gerade nicht erreichbar ist.</translation>
    </message>
</context>
<context>
    <name>RerunSteps</name>
    <message>
        <source>check</source>
        <translation>Prüfen</translation>
    </message>
    <message>
        <source>copy files</source>
        <translation>Dateien kopieren</translation>
    </message>
    <message>
        <source>create job</source>
        <translation>Job anlegen</translation>
    </message>
    <message>
        <source>create pool</source>
        <translation>Pool anlegen</translation>
    </message>
    <message>
        <source>submit task</source>
        <translation>Task übermitteln</translation>
    </message>
</context>
<context>
    <name>ResizePoolDialog</name>
    <message>
        <source>Dedicated nodes:</source>
        <translation>Dedizierte Knoten:</translation>
    </message>
    <message>
        <source>Low-priority (spot) nodes:</source>
        <translation>Knoten mit niedriger Priorität (Spot):</translation>
    </message>
    <message>
        <source>Nodes leaving the pool have their running tasks requeued.</source>
        <translation>Bei Knoten, die den Pool verlassen, werden die laufenden Tasks wieder in die Warteschlange gestellt.</translation>
    </message>
    <message>
        <source>Resize</source>
        <translation>Größe ändern</translation>
    </message>
    <message>
        <source>Resize pool {pool}</source>
        <translation>Größe von Pool {pool} ändern</translation>
    </message>
    <message>
        <source>Resize pool {pool} to these node counts</source>
        <translation>Pool {pool} auf diese Knotenanzahlen skalieren</translation>
    </message>
    <message>
        <source>The number of dedicated nodes the pool is to have</source>
        <translation>Die Anzahl dedizierter Knoten, die der Pool haben soll</translation>
    </message>
    <message>
        <source>The number of low-priority (spot) nodes the pool is to have: cheaper, but they may be preempted</source>
        <translation>Die Anzahl der Knoten mit niedriger Priorität (Spot), die der Pool haben soll: günstiger, können aber verdrängt werden</translation>
    </message>
</context>
<context>
    <name>ResourceFileRow</name>
    <message>
        <source>&apos;{}&apos; is not uploaded yet.</source>
        <translation>„{}“ ist noch nicht hochgeladen.</translation>
    </message>
    <message>
        <source>Also set, though this source does not use it: {}</source>
        <translation>Ebenfalls gesetzt, obwohl diese Quelle es nicht verwendet: {}</translation>
    </message>
    <message>
        <source>Blob prefix:</source>
        <translation>Blobpräfix:</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>Choose a file to upload</source>
        <translation>Eine Datei zum Hochladen auswählen</translation>
    </message>
    <message>
        <source>Choose the local file</source>
        <translation>Die lokale Datei auswählen</translation>
    </message>
    <message>
        <source>Clear the values this source does not use</source>
        <translation>Die Werte leeren, die diese Quelle nicht verwendet</translation>
    </message>
    <message>
        <source>Clear them</source>
        <translation>Leeren</translation>
    </message>
    <message>
        <source>Local file</source>
        <translation>Lokale Datei</translation>
    </message>
    <message>
        <source>Mode:</source>
        <translation>Modus:</translation>
    </message>
    <message>
        <source>No local file is chosen.</source>
        <translation>Keine lokale Datei ausgewählt.</translation>
    </message>
    <message>
        <source>Press Browse… to choose the file to upload.</source>
        <translation>Klicken Sie auf „Durchsuchen…“, um die hochzuladende Datei auszuwählen.</translation>
    </message>
    <message>
        <source>Press Upload to send it to the linked storage; the row then holds its download link.</source>
        <translation>Klicken Sie auf „Hochladen“, um sie in den verknüpften Speicher zu senden; die Zeile enthält dann ihren Download-Link.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Remove this file</source>
        <translation>Diese Datei entfernen</translation>
    </message>
    <message>
        <source>Save as:</source>
        <translation>Speichern als:</translation>
    </message>
    <message>
        <source>Save under:</source>
        <translation>Speichern unter:</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Source:</source>
        <translation>Quelle:</translation>
    </message>
    <message>
        <source>Upload</source>
        <translation>Hochladen</translation>
    </message>
    <message>
        <source>Upload the local file</source>
        <translation>Die lokale Datei hochladen</translation>
    </message>
    <message>
        <source>a container of the account&apos;s linked storage</source>
        <translation>ein Container des verknüpften Speichers des Kontos</translation>
    </message>
    <message>
        <source>a directory relative to the task directory, or empty for the directory itself</source>
        <translation>ein Verzeichnis relativ zum Taskverzeichnis, oder leer für das Verzeichnis selbst</translation>
    </message>
    <message>
        <source>a file on this computer</source>
        <translation>eine Datei auf diesem Computer</translation>
    </message>
    <message>
        <source>e.g. 0755 (Linux)</source>
        <translation>z. B. 0755 (Linux)</translation>
    </message>
    <message>
        <source>optional: only blobs whose names start with this</source>
        <translation>optional: nur Blobs, deren Namen damit beginnen</translation>
    </message>
    <message>
        <source>relative to the task directory</source>
        <translation>relativ zum Taskverzeichnis</translation>
    </message>
</context>
<context>
    <name>ResourceFilesEditor</name>
    <message>
        <source>Add a resource file to {}</source>
        <translation>Eine Ressourcendatei zu {} hinzufügen</translation>
    </message>
    <message>
        <source>Add file</source>
        <translation>Datei hinzufügen</translation>
    </message>
    <message>
        <source>Auto-storage container</source>
        <translation>Container des automatischen Speicherkontos</translation>
    </message>
    <message>
        <source>Blob prefix</source>
        <translation>Blobpräfix</translation>
    </message>
    <message>
        <source>File mode</source>
        <translation>Dateimodus</translation>
    </message>
    <message>
        <source>File path</source>
        <translation>Dateipfad</translation>
    </message>
    <message>
        <source>HTTP URL</source>
        <translation>HTTP-URL</translation>
    </message>
    <message>
        <source>HTTP URL (one file)</source>
        <translation>HTTP-URL (eine Datei)</translation>
    </message>
    <message>
        <source>Local file to upload</source>
        <translation>Hochzuladende lokale Datei</translation>
    </message>
    <message>
        <source>No files.</source>
        <translation>Keine Dateien.</translation>
    </message>
    <message>
        <source>Resource file {}</source>
        <translation>Ressourcendatei {}</translation>
    </message>
    <message>
        <source>Storage container URL</source>
        <translation>Speichercontainer-URL</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <source>Could not export to {}: {}</source>
        <translation>Export nach {} nicht möglich: {}</translation>
    </message>
    <message>
        <source>Export JSON</source>
        <translation>JSON exportieren</translation>
    </message>
    <message>
        <source>Export JSON to a file</source>
        <translation>JSON in eine Datei exportieren</translation>
    </message>
    <message>
        <source>Export JSON…</source>
        <translation>JSON exportieren…</translation>
    </message>
    <message>
        <source>Exported to {}</source>
        <translation>Exportiert nach {}</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>The JSON that will be sent</source>
        <translation>Das JSON, das gesendet wird</translation>
    </message>
</context>
<context>
    <name>RunElsewhereDialog</name>
    <message>
        <source>1 pool</source>
        <translation>1 Pool</translation>
    </message>
    <message>
        <source>A pool with inter-node communication and one task slot per node, created before the task is submitted.</source>
        <translation>Ein Pool mit Kommunikation zwischen Knoten und einem Taskslot pro Knoten, erstellt, bevor der Task übermittelt wird.</translation>
    </message>
    <message>
        <source>Account to run on</source>
        <translation>Konto für die Ausführung</translation>
    </message>
    <message>
        <source>Account:</source>
        <translation>Konto:</translation>
    </message>
    <message>
        <source>Choose the account first.</source>
        <translation>Wählen Sie zuerst das Konto.</translation>
    </message>
    <message>
        <source>Choose the account to run on.</source>
        <translation>Wählen Sie das Konto für die Ausführung.</translation>
    </message>
    <message>
        <source>Compare the two runs</source>
        <translation>Die beiden Läufe vergleichen</translation>
    </message>
    <message>
        <source>Connected to {name}: {pools}. {problem}</source>
        <translation>Verbunden mit {name}: {pools}. {problem}</translation>
    </message>
    <message>
        <source>Connected to {name}: {pools}; {storage}.</source>
        <translation>Verbunden mit {name}: {pools}; {storage}.</translation>
    </message>
    <message>
        <source>Connecting to {name}…</source>
        <translation>Verbindung mit {name} wird hergestellt…</translation>
    </message>
    <message>
        <source>Create a new pool there…</source>
        <translation>Dort einen neuen Pool erstellen…</translation>
    </message>
    <message>
        <source>Dedicated nodes:</source>
        <translation>Dedizierte Knoten:</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>Image:</source>
        <translation>Image:</translation>
    </message>
    <message>
        <source>Job id:</source>
        <translation>Job-ID:</translation>
    </message>
    <message>
        <source>MPI-ready for this task.</source>
        <translation>MPI-bereit für diesen Task.</translation>
    </message>
    <message>
        <source>New pool there</source>
        <translation>Neuer Pool dort</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <source>On the node</source>
        <translation>Auf dem Knoten</translation>
    </message>
    <message>
        <source>Pool id:</source>
        <translation>Pool-ID:</translation>
    </message>
    <message>
        <source>Pool there</source>
        <translation>Pool dort</translation>
    </message>
    <message>
        <source>Pool there:</source>
        <translation>Pool dort:</translation>
    </message>
    <message>
        <source>Resource files:</source>
        <translation>Ressourcendateien:</translation>
    </message>
    <message>
        <source>Run there</source>
        <translation>Dort ausführen</translation>
    </message>
    <message>
        <source>Run {task} on another account</source>
        <translation>{task} auf einem anderen Konto ausführen</translation>
    </message>
    <message>
        <source>Running on {name}…</source>
        <translation>Wird auf {name} ausgeführt…</translation>
    </message>
    <message>
        <source>Something went wrong: {e}</source>
        <translation>Etwas ist schiefgegangen: {e}</translation>
    </message>
    <message>
        <source>Steps of the run</source>
        <translation>Schritte des Laufs</translation>
    </message>
    <message>
        <source>Steps:</source>
        <translation>Schritte:</translation>
    </message>
    <message>
        <source>Submitted: task {task} of job {job} on pool {pool} there. Compare the two runs as it goes.</source>
        <translation>Übermittelt: Task {task} von Job {job} auf Pool {pool} dort. Vergleichen Sie die beiden Läufe, während er läuft.</translation>
    </message>
    <message>
        <source>Task id:</source>
        <translation>Task-ID:</translation>
    </message>
    <message>
        <source>Task {task} of job {job}, not submitted on {source}: sent to another account instead.</source>
        <translation>Task {task} von Job {job}, nicht auf {source} übermittelt: stattdessen an ein anderes Konto gesendet.</translation>
    </message>
    <message>
        <source>Task {task} of job {job}, on {source}: the same task on another account.</source>
        <translation>Task {task} von Job {job}, auf {source}: derselbe Task auf einem anderen Konto.</translation>
    </message>
    <message>
        <source>That pool cannot run a multi-instance task: choose another, or create one.</source>
        <translation>Dieser Pool kann keinen Task mit mehreren Instanzen ausführen: Wählen Sie einen anderen, oder erstellen Sie einen.</translation>
    </message>
    <message>
        <source>There is no other account: add one in Connection &gt; Accounts…</source>
        <translation>Es gibt kein anderes Konto: Fügen Sie eines unter Verbindung &gt; Konten… hinzu</translation>
    </message>
    <message>
        <source>VM size:</source>
        <translation>VM-Größe:</translation>
    </message>
    <message>
        <source>What becomes of each resource file</source>
        <translation>Was aus jeder Ressourcendatei wird</translation>
    </message>
    <message>
        <source>What happens</source>
        <translation>Was geschieht</translation>
    </message>
    <message>
        <source>cannot be copied: that account has no linked storage</source>
        <translation>kann nicht kopiert werden: dieses Konto hat keinen verknüpften Speicher</translation>
    </message>
    <message>
        <source>copied to its storage</source>
        <translation>in seinen Speicher kopiert</translation>
    </message>
    <message>
        <source>every instance</source>
        <translation>jede Instanz</translation>
    </message>
    <message>
        <source>files go to its storage {s}</source>
        <translation>Dateien gehen in seinen Speicher {s}</translation>
    </message>
    <message>
        <source>it has no linked storage</source>
        <translation>es hat keinen verknüpften Speicher</translation>
    </message>
    <message>
        <source>job id</source>
        <translation>Job-ID</translation>
    </message>
    <message>
        <source>kept as it is</source>
        <translation>unverändert übernommen</translation>
    </message>
    <message>
        <source>pool id</source>
        <translation>Pool-ID</translation>
    </message>
    <message>
        <source>task id</source>
        <translation>Task-ID</translation>
    </message>
    <message>
        <source>the primary</source>
        <translation>die primäre Instanz</translation>
    </message>
    <message>
        <source>uploaded to its storage</source>
        <translation>in seinen Speicher hochgeladen</translation>
    </message>
    <message>
        <source>{n} pools</source>
        <translation>{n} Pools</translation>
    </message>
    <message>
        <source>{task}: {source} and {target} side by side</source>
        <translation>{task}: {source} und {target} nebeneinander</translation>
    </message>
</context>
<context>
    <name>RunPanel</name>
    <message>
        <source>0 (primary)</source>
        <translation>0 (primär)</translation>
    </message>
    <message>
        <source>From the coordination command&apos;s start to the application command&apos;s: Batch does not report when a coordination command ended</source>
        <translation>Vom Start des Koordinationsbefehls bis zu dem des Anwendungsbefehls: Batch meldet nicht, wann ein Koordinationsbefehl endete</translation>
    </message>
    <message>
        <source>Time spent in each phase, per instance</source>
        <translation>In jeder Phase verbrachte Zeit, pro Instanz</translation>
    </message>
    <message>
        <source>exit code {code}</source>
        <translation>Exitcode {code}</translation>
    </message>
    <message>
        <source>no exit code yet</source>
        <translation>noch kein Exitcode</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
</context>
<context>
    <name>Samples</name>
    <message>
        <source>Cannot publish the sample programs to {url}: {reason}</source>
        <translation>Die Beispielprogramme können nicht in {url} veröffentlicht werden: {reason}</translation>
    </message>
</context>
<context>
    <name>ServiceErrors</name>
    <message>
        <source>A completed job takes no new tasks: create a new job.</source>
        <translation>Ein abgeschlossener Job nimmt keine neuen Tasks an: Erstellen Sie einen neuen Job.</translation>
    </message>
    <message>
        <source>A job being terminated takes no new tasks: create a new job.</source>
        <translation>Ein Job, der gerade beendet wird, nimmt keine neuen Tasks an: Erstellen Sie einen neuen Job.</translation>
    </message>
    <message>
        <source>Choose an existing job, or create a new one.</source>
        <translation>Wählen Sie einen vorhandenen Job, oder erstellen Sie einen neuen.</translation>
    </message>
    <message>
        <source>Choose another job, or create a new one.</source>
        <translation>Wählen Sie einen anderen Job, oder erstellen Sie einen neuen.</translation>
    </message>
    <message>
        <source>Choose another pool ID; IDs are unique within the account (case-insensitively).</source>
        <translation>Wählen Sie eine andere Pool-ID; IDs sind innerhalb des Kontos eindeutig (ohne Beachtung der Groß-/Kleinschreibung).</translation>
    </message>
    <message>
        <source>Choose another pool, or create one for MPI tasks.</source>
        <translation>Wählen Sie einen anderen Pool, oder erstellen Sie einen für MPI-Tasks.</translation>
    </message>
    <message>
        <source>Choose another task ID; IDs are unique within a job (case-insensitively).</source>
        <translation>Wählen Sie eine andere Task-ID; IDs sind innerhalb eines Jobs eindeutig (ohne Beachtung der Groß-/Kleinschreibung).</translation>
    </message>
    <message>
        <source>Choose this job under &apos;Existing job&apos;, or give the new job another ID.</source>
        <translation>Wählen Sie diesen Job unter „Vorhandener Job“, oder geben Sie dem neuen Job eine andere ID.</translation>
    </message>
    <message>
        <source>Correct the value the message names, then submit again.</source>
        <translation>Korrigieren Sie den in der Meldung genannten Wert und übermitteln Sie erneut.</translation>
    </message>
    <message>
        <source>Delete an unused pool, or ask for a higher pool quota.</source>
        <translation>Löschen Sie einen ungenutzten Pool, oder beantragen Sie ein höheres Poolkontingent.</translation>
    </message>
    <message>
        <source>Enable the job, or create a new one.</source>
        <translation>Aktivieren Sie den Job, oder erstellen Sie einen neuen.</translation>
    </message>
    <message>
        <source>Wait until the old pool is deleted, or choose another pool ID.</source>
        <translation>Warten Sie, bis der alte Pool gelöscht ist, oder wählen Sie eine andere Pool-ID.</translation>
    </message>
</context>
<context>
    <name>ServiceEvent</name>
    <message>
        <source>Local Batch stopped unexpectedly ({how}) and could not be restarted: {reason}</source>
        <translation>Local Batch wurde unerwartet beendet ({how}) und konnte nicht neu gestartet werden: {reason}</translation>
    </message>
    <message>
        <source>Local Batch stopped unexpectedly ({how}) at {time}; restarted</source>
        <translation>Local Batch wurde um {time} unerwartet beendet ({how}); neu gestartet</translation>
    </message>
    <message>
        <source>Local Batch stopped unexpectedly ({how}); restarting…</source>
        <translation>Local Batch wurde unerwartet beendet ({how}); Neustart läuft…</translation>
    </message>
    <message>
        <source>it stopped {count} times within {seconds} s; see {log}</source>
        <translation>es wurde innerhalb von {seconds} s {count}-mal beendet; siehe {log}</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>&apos;{}&apos; is not a whole number.</source>
        <translation>„{}“ ist keine ganze Zahl.</translation>
    </message>
    <message>
        <source>Batch&apos;s default, 7 days — e.g. P1D</source>
        <translation>Batch-Standard, 7 Tage – z. B. P1D</translation>
    </message>
    <message>
        <source>Batch&apos;s default, no retries — -1 retries forever</source>
        <translation>Batch-Standard, keine Wiederholungen – -1 wiederholt unbegrenzt</translation>
    </message>
    <message>
        <source>Enter 0 for no retries or -1 to retry forever, or leave it empty for Batch&apos;s default.</source>
        <translation>Geben Sie 0 für keine Wiederholungen oder -1 für unbegrenzte Wiederholungen ein, oder lassen Sie das Feld leer für den Batch-Standard.</translation>
    </message>
    <message>
        <source>Environment:</source>
        <translation>Umgebung:</translation>
    </message>
    <message>
        <source>MPI launchers that start ranks over SSH need the same account on every node: a pool-scoped auto-user is the usual choice on Linux.</source>
        <translation>MPI-Startprogramme, die Ränge über SSH starten, brauchen auf jedem Knoten dasselbe Konto: Unter Linux ist ein automatischer Benutzer mit Poolbereich die übliche Wahl.</translation>
    </message>
    <message>
        <source>Max retries:</source>
        <translation>Max. Wiederholungen:</translation>
    </message>
    <message>
        <source>Max wall-clock time:</source>
        <translation>Max. Laufzeit:</translation>
    </message>
    <message>
        <source>Retention time:</source>
        <translation>Aufbewahrungsdauer:</translation>
    </message>
    <message>
        <source>Run as:</source>
        <translation>Ausführen als:</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>no limit — ISO 8601, e.g. PT1H30M</source>
        <translation>keine Begrenzung – ISO 8601, z. B. PT1H30M</translation>
    </message>
</context>
<context>
    <name>SharedKeyForm</name>
    <message>
        <source>Access key:</source>
        <translation>Zugriffsschlüssel:</translation>
    </message>
    <message>
        <source>Account URL:</source>
        <translation>Konto-URL:</translation>
    </message>
    <message>
        <source>Account name:</source>
        <translation>Kontoname:</translation>
    </message>
    <message>
        <source>The account URL or name changed: enter its key again.</source>
        <translation>Konto-URL oder -Name wurde geändert: Geben Sie den Schlüssel erneut ein.</translation>
    </message>
    <message>
        <source>myaccount</source>
        <translation>meinkonto</translation>
    </message>
    <message>
        <source>primary or secondary key</source>
        <translation>primärer oder sekundärer Schlüssel</translation>
    </message>
    <message>
        <source>stored — leave empty to keep it</source>
        <translation>gespeichert – leer lassen, um ihn beizubehalten</translation>
    </message>
</context>
<context>
    <name>SignIn</name>
    <message>
        <source>Entra ID sign-in needs an https:// account URL</source>
        <translation>Die Anmeldung mit Entra ID braucht eine Konto-URL mit https://</translation>
    </message>
    <message>
        <source>No web browser can be opened from here: choose the device-code sign-in and use a browser elsewhere.</source>
        <translation>Von hier aus lässt sich kein Webbrowser öffnen: Wählen Sie die Anmeldung mit Gerätecode und verwenden Sie einen Browser an einem anderen Gerät.</translation>
    </message>
    <message>
        <source>Signing in to Microsoft Entra ID did not complete: {reason}</source>
        <translation>Die Anmeldung bei Microsoft Entra ID wurde nicht abgeschlossen: {reason}</translation>
    </message>
    <message>
        <source>The Azure CLI (az) is not on PATH: install it and run `az login`, or choose the browser or device-code sign-in.</source>
        <translation>Die Azure CLI (az) ist nicht im PATH: Installieren Sie sie und führen Sie `az login` aus, oder wählen Sie die Anmeldung im Browser oder mit Gerätecode.</translation>
    </message>
</context>
<context>
    <name>SpecWizard</name>
    <message>
        <source>Submission failed: {}</source>
        <translation>Übermittlung fehlgeschlagen: {}</translation>
    </message>
    <message>
        <source>Submitting…</source>
        <translation>Wird übermittelt…</translation>
    </message>
</context>
<context>
    <name>StartTaskPage</name>
    <message>
        <source>Choose a preset…</source>
        <translation>Vorlage auswählen…</translation>
    </message>
    <message>
        <source>Command:</source>
        <translation>Befehl:</translation>
    </message>
    <message>
        <source>Environment:</source>
        <translation>Umgebung:</translation>
    </message>
    <message>
        <source>Local files are uploaded for tasks only: give the start task a URL or a container.</source>
        <translation>Lokale Dateien werden nur für Tasks hochgeladen: Geben Sie dem Starttask eine URL oder einen Container.</translation>
    </message>
    <message>
        <source>Preset:</source>
        <translation>Vorlage:</translation>
    </message>
    <message>
        <source>Resource files:</source>
        <translation>Ressourcendateien:</translation>
    </message>
    <message>
        <source>Run a start task on every node</source>
        <translation>Auf jedem Knoten einen Starttask ausführen</translation>
    </message>
    <message>
        <source>Run as:</source>
        <translation>Ausführen als:</translation>
    </message>
    <message>
        <source>Run tasks on a node only after its start task succeeded</source>
        <translation>Tasks auf einem Knoten erst ausführen, wenn sein Starttask erfolgreich war</translation>
    </message>
    <message>
        <source>Start task command</source>
        <translation>Befehl des Starttasks</translation>
    </message>
    <message>
        <source>Start task resource files</source>
        <translation>Ressourcendateien des Starttasks</translation>
    </message>
</context>
<context>
    <name>States</name>
    <message>
        <source>active</source>
        <translation>aktiv</translation>
    </message>
    <message>
        <source>completed</source>
        <translation>abgeschlossen</translation>
    </message>
    <message>
        <source>creating</source>
        <translation>wird erstellt</translation>
    </message>
    <message>
        <source>deallocated</source>
        <translation>freigegeben</translation>
    </message>
    <message>
        <source>deallocating</source>
        <translation>wird freigegeben</translation>
    </message>
    <message>
        <source>deleting</source>
        <translation>wird gelöscht</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>deaktiviert</translation>
    </message>
    <message>
        <source>disabling</source>
        <translation>wird deaktiviert</translation>
    </message>
    <message>
        <source>enabled</source>
        <translation>aktiviert</translation>
    </message>
    <message>
        <source>enabling</source>
        <translation>wird aktiviert</translation>
    </message>
    <message>
        <source>idle</source>
        <translation>im Leerlauf</translation>
    </message>
    <message>
        <source>leavingpool</source>
        <translation>verlässt den Pool</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>offline</translation>
    </message>
    <message>
        <source>preempted</source>
        <translation>verdrängt</translation>
    </message>
    <message>
        <source>preparing</source>
        <translation>wird vorbereitet</translation>
    </message>
    <message>
        <source>rebooting</source>
        <translation>wird neu gestartet</translation>
    </message>
    <message>
        <source>reimaging</source>
        <translation>wird neu aufgesetzt</translation>
    </message>
    <message>
        <source>resizing</source>
        <translation>Größe wird geändert</translation>
    </message>
    <message>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <source>starting</source>
        <translation>startet</translation>
    </message>
    <message>
        <source>starttaskfailed</source>
        <translation>Starttask fehlgeschlagen</translation>
    </message>
    <message>
        <source>steady</source>
        <translation>stabil</translation>
    </message>
    <message>
        <source>stopping</source>
        <translation>wird angehalten</translation>
    </message>
    <message>
        <source>terminating</source>
        <translation>wird beendet</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>unusable</source>
        <translation>nicht verwendbar</translation>
    </message>
    <message>
        <source>upgrading</source>
        <translation>wird aktualisiert</translation>
    </message>
    <message>
        <source>upgradingos</source>
        <translation>Betriebssystem wird aktualisiert</translation>
    </message>
    <message>
        <source>waitingforstarttask</source>
        <translation>wartet auf Starttask</translation>
    </message>
</context>
<context>
    <name>Storage</name>
    <message>
        <source>&apos;{container}&apos; is not a container name: use 3-63 lowercase letters, digits and single hyphens.</source>
        <translation>„{container}“ ist kein Containername: Verwenden Sie 3 bis 63 Kleinbuchstaben, Ziffern und einzelne Bindestriche.</translation>
    </message>
    <message>
        <source>Cannot create container {container}: {reason}</source>
        <translation>Container {container} kann nicht angelegt werden: {reason}</translation>
    </message>
    <message>
        <source>Cannot list {blobs} in {account}: {reason}</source>
        <translation>{blobs} in {account} kann nicht aufgelistet werden: {reason}</translation>
    </message>
    <message>
        <source>Cannot read {blob} from {account}: {reason}</source>
        <translation>{blob} aus {account} kann nicht gelesen werden: {reason}</translation>
    </message>
    <message>
        <source>Cannot read {path}: {reason}</source>
        <translation>{path} kann nicht gelesen werden: {reason}</translation>
    </message>
    <message>
        <source>Could not get a user delegation key from {account}: {reason}</source>
        <translation>Von {account} war kein Benutzerdelegierungsschlüssel zu bekommen: {reason}</translation>
    </message>
    <message>
        <source>Uploading {blob} failed: {reason}</source>
        <translation>Das Hochladen von {blob} ist fehlgeschlagen: {reason}</translation>
    </message>
    <message>
        <source>Your Entra ID sign-in may not {doing} ({code}): on storage account {account}, Access control (IAM) &gt; Add role assignment, {grant}. Role assignments can take a few minutes to apply.</source>
        <translation>Ihrer Entra-ID-Anmeldung fehlt die Berechtigung, {doing} ({code}): Unter Speicherkonto {account}, Zugriffssteuerung (IAM) &gt; Rollenzuweisung hinzufügen, {grant}. Rollenzuweisungen können einige Minuten brauchen, bis sie wirken.</translation>
    </message>
    <message>
        <source>create containers in it</source>
        <translation>darin Container anzulegen</translation>
    </message>
    <message>
        <source>grant your user the &quot;{role}&quot; role</source>
        <translation>weisen Sie Ihrem Benutzer die Rolle &quot;{role}&quot; zu</translation>
    </message>
    <message>
        <source>grant your user the &quot;{role}&quot; role (&quot;{contributor}&quot; covers it too, and uploads)</source>
        <translation>weisen Sie Ihrem Benutzer die Rolle &quot;{role}&quot; zu (&quot;{contributor}&quot; deckt das auch ab, und das Hochladen dazu)</translation>
    </message>
    <message>
        <source>sign SAS URLs for it (Get User Delegation Key)</source>
        <translation>SAS-URLs dafür zu signieren (Get User Delegation Key)</translation>
    </message>
    <message>
        <source>upload to it</source>
        <translation>dorthin hochzuladen</translation>
    </message>
    <message>
        <source>{first} and {second} have the same name; they would be one blob.</source>
        <translation>{first} und {second} haben denselben Namen; sie würden ein und derselbe Blob.</translation>
    </message>
    <message>
        <source>{path} is not a file.</source>
        <translation>{path} ist keine Datei.</translation>
    </message>
</context>
<context>
    <name>StorageBox</name>
    <message>
        <source>Blob endpoint:</source>
        <translation>Blob-Endpunkt:</translation>
    </message>
    <message>
        <source>Linked storage, for uploading local files (optional)</source>
        <translation>Verknüpfter Speicher, zum Hochladen lokaler Dateien (optional)</translation>
    </message>
    <message>
        <source>Sign in with Entra ID, no key (user-delegation SAS; needs the Storage Blob Data Contributor role)</source>
        <translation>Mit Entra ID anmelden, ohne Schlüssel (SAS mit Benutzerdelegierung; erfordert die Rolle „Mitwirkender an Storage-Blobdaten“)</translation>
    </message>
    <message>
        <source>Storage account:</source>
        <translation>Speicherkonto:</translation>
    </message>
    <message>
        <source>Storage key:</source>
        <translation>Speicherschlüssel:</translation>
    </message>
    <message>
        <source>mystorage</source>
        <translation>meinspeicher</translation>
    </message>
    <message>
        <source>stored — leave empty to keep it</source>
        <translation>gespeichert – leer lassen, um ihn beizubehalten</translation>
    </message>
</context>
<context>
    <name>SubtaskModel</name>
    <message>
        <source>0 (primary)</source>
        <translation>0 (primär)</translation>
    </message>
    <message>
        <source>Exit code</source>
        <translation>Exitcode</translation>
    </message>
    <message>
        <source>Failure</source>
        <translation>Fehlschlag</translation>
    </message>
    <message>
        <source>Instance</source>
        <translation>Instanz</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>Knoten</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
</context>
<context>
    <name>TableEditor</name>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Remove the selected rows</source>
        <translation>Die ausgewählten Zeilen entfernen</translation>
    </message>
    <message>
        <source>Select all rows</source>
        <translation>Alle Zeilen auswählen</translation>
    </message>
</context>
<context>
    <name>TargetPage</name>
    <message>
        <source>A new job: it is created on the pool below when you submit.</source>
        <translation>Ein neuer Job: Er wird beim Übermitteln auf dem unten gewählten Pool erstellt.</translation>
    </message>
    <message>
        <source>About the job</source>
        <translation>Über den Job</translation>
    </message>
    <message>
        <source>Add the task to an open job, or type a new job ID to create that job on a pool when you submit.</source>
        <translation>Fügen Sie den Task einem offenen Job hinzu, oder geben Sie eine neue Job-ID ein, um diesen Job beim Übermitteln auf einem Pool zu erstellen.</translation>
    </message>
    <message>
        <source>Display name:</source>
        <translation>Anzeigename:</translation>
    </message>
    <message>
        <source>Job:</source>
        <translation>Job:</translation>
    </message>
    <message>
        <source>Open job on pool &apos;{}&apos;.</source>
        <translation>Offener Job auf Pool „{}“.</translation>
    </message>
    <message>
        <source>Pool:</source>
        <translation>Pool:</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>Task ID:</source>
        <translation>Task-ID:</translation>
    </message>
    <message>
        <source>an open job, or a new job ID</source>
        <translation>ein offener Job oder eine neue Job-ID</translation>
    </message>
    <message>
        <source>letters, digits, &apos;-&apos; and &apos;_&apos;, at most 64</source>
        <translation>Buchstaben, Ziffern, „-“ und „_“, höchstens 64</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>optional</translation>
    </message>
</context>
<context>
    <name>TaskImport</name>
    <message>
        <source>Cannot import the task</source>
        <translation>Der Task kann nicht importiert werden</translation>
    </message>
    <message>
        <source>cannot read the file: {reason}.</source>
        <translation>Die Datei kann nicht gelesen werden: {reason}.</translation>
    </message>
    <message>
        <source>{} is not a multi-instance task that MPI Explorer can open.</source>
        <translation>{} ist kein Task mit mehreren Instanzen, den MPI Explorer öffnen kann.</translation>
    </message>
</context>
<context>
    <name>TaskNotifications</name>
    <message>
        <source>%1, in job %2</source>
        <translation>%1, in Job %2</translation>
    </message>
    <message>
        <source>&amp;Notify when tasks end</source>
        <translation>&amp;Benachrichtigen, wenn Tasks enden</translation>
    </message>
    <message>
        <source>A desktop notification when a task opened in this session ends</source>
        <translation>Eine Desktopbenachrichtigung, wenn ein in dieser Sitzung geöffneter Task endet</translation>
    </message>
    <message>
        <source>Task %1 completed</source>
        <translation>Task %1 abgeschlossen</translation>
    </message>
    <message>
        <source>Task %1 failed</source>
        <translation>Task %1 fehlgeschlagen</translation>
    </message>
    <message>
        <source>exit code %1</source>
        <translation>Exitcode %1</translation>
    </message>
    <message>
        <source>on {profile}</source>
        <translation>auf {profile}</translation>
    </message>
</context>
<context>
    <name>TaskTableModel</name>
    <message>
        <source>1 task: {active} active, {running} running, {completed} completed ({succeeded} succeeded, {failed} failed)</source>
        <translation>1 Task: {active} aktiv, {running} laufend, {completed} abgeschlossen ({succeeded} erfolgreich, {failed} fehlgeschlagen)</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>Beendet</translation>
    </message>
    <message>
        <source>Exit code</source>
        <translation>Exitcode</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Instances</source>
        <translation>Instanzen</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>Knoten</translation>
    </message>
    <message>
        <source>Retries</source>
        <translation>Wiederholungen</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Gestartet</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>{count} tasks: {active} active, {running} running, {completed} completed ({succeeded} succeeded, {failed} failed)</source>
        <translation>{count} Tasks: {active} aktiv, {running} laufend, {completed} abgeschlossen ({succeeded} erfolgreich, {failed} fehlgeschlagen)</translation>
    </message>
</context>
<context>
    <name>TaskView</name>
    <message>
        <source>%1 failed %2 on node %3</source>
        <translation>%1 ist %2 auf Knoten %3 fehlgeschlagen</translation>
    </message>
    <message>
        <source>, exit code %1</source>
        <translation>, Exitcode %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;Task {task}&lt;/b&gt; in job {job}</source>
        <translation>&lt;b&gt;Task {task}&lt;/b&gt; in Job {job}</translation>
    </message>
    <message>
        <source>Coordination command of instance {number} ({where})</source>
        <translation>Koordinationsbefehl von Instanz {number} ({where})</translation>
    </message>
    <message>
        <source>Coordination progress</source>
        <translation>Koordinationsfortschritt</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Delete task</source>
        <translation>Task löschen</translation>
    </message>
    <message>
        <source>Delete task {task} and its files on every node?</source>
        <translation>Task {task} mitsamt seinen Dateien auf jedem Knoten löschen?</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Exit code</source>
        <translation>Exitcode</translation>
    </message>
    <message>
        <source>Failure</source>
        <translation>Fehlschlag</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Dateien</translation>
    </message>
    <message>
        <source>Instance %1 (subtask %1)</source>
        <translation>Instanz %1 (Subtask %1)</translation>
    </message>
    <message>
        <source>Instance output</source>
        <translation>Ausgabe der Instanz</translation>
    </message>
    <message>
        <source>Instances</source>
        <translation>Instanzen</translation>
    </message>
    <message>
        <source>Its %1 could not be read: %2</source>
        <translation>%1 konnte nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>Its %1 is empty.</source>
        <translation>%1 ist leer.</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>Knoten</translation>
    </message>
    <message>
        <source>Open its files</source>
        <translation>Ihre Dateien öffnen</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>Ausgabe</translation>
    </message>
    <message>
        <source>Select an instance to read its coordination output.</source>
        <translation>Wählen Sie eine Instanz, um ihre Koordinationsausgabe zu lesen.</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Task {task}</source>
        <translation>Task {task}</translation>
    </message>
    <message>
        <source>Terminate</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>Terminate task</source>
        <translation>Task beenden</translation>
    </message>
    <message>
        <source>Terminate task {task}? Every instance is stopped.</source>
        <translation>Task {task} beenden? Jede Instanz wird gestoppt.</translation>
    </message>
    <message>
        <source>The application command did not run.</source>
        <translation>Der Anwendungsbefehl wurde nicht ausgeführt.</translation>
    </message>
    <message>
        <source>The application command runs on the primary once every instance is ready.</source>
        <translation>Der Anwendungsbefehl läuft auf der primären Instanz, sobald jede Instanz bereit ist.</translation>
    </message>
    <message>
        <source>The command has not started yet.</source>
        <translation>Der Befehl hat noch nicht begonnen.</translation>
    </message>
    <message>
        <source>The coordination command of {who} did not run.</source>
        <translation>Der Koordinationsbefehl für {who} wurde nicht ausgeführt.</translation>
    </message>
    <message>
        <source>The coordination command of {who} has not started yet (its node is downloading the common files).</source>
        <translation>Der Koordinationsbefehl für {who} hat noch nicht begonnen (ihr Knoten lädt die gemeinsamen Dateien herunter).</translation>
    </message>
    <message>
        <source>The last lines of its %1:</source>
        <translation>Die letzten Zeilen von %1:</translation>
    </message>
    <message>
        <source>The phases of every instance; Up and Down walk the instances, each said in words</source>
        <translation>Die Phasen jeder Instanz; Auf und Ab gehen die Instanzen durch, jede in Worten beschrieben</translation>
    </message>
    <message>
        <source>The primary (instance 0)</source>
        <translation>Die primäre Instanz (Instanz 0)</translation>
    </message>
    <message>
        <source>The primary and the subtasks: state, exit code, node, failure</source>
        <translation>Die primäre Instanz und die Subtasks: Zustand, Exitcode, Knoten, Fehlschlag</translation>
    </message>
    <message>
        <source>The task is queued: the coordination command of {who} has not started.</source>
        <translation>Der Task ist in der Warteschlange: Der Koordinationsbefehl für {who} hat nicht begonnen.</translation>
    </message>
    <message>
        <source>Timeline of the instances</source>
        <translation>Zeitleiste der Instanzen</translation>
    </message>
    <message>
        <source>Why the task is queued, read off its job, pool and nodes as last polled</source>
        <translation>Warum der Task in der Warteschlange steht, abgelesen an Job, Pool und Knoten bei der letzten Abfrage</translation>
    </message>
    <message>
        <source>coordination output of {where}</source>
        <translation>Koordinationsausgabe – {where}</translation>
    </message>
    <message>
        <source>coordination stderr</source>
        <translation>Koordinations-stderr</translation>
    </message>
    <message>
        <source>coordination stdout</source>
        <translation>Koordinations-stdout</translation>
    </message>
    <message>
        <source>does not exist</source>
        <translation>existiert nicht</translation>
    </message>
    <message>
        <source>in its coordination command</source>
        <translation>in ihrem Koordinationsbefehl</translation>
    </message>
    <message>
        <source>in the application command</source>
        <translation>im Anwendungsbefehl</translation>
    </message>
    <message>
        <source>instance {number}</source>
        <translation>Instanz {number}</translation>
    </message>
    <message>
        <source>output of the application command (primary)</source>
        <translation>Ausgabe des Anwendungsbefehls (primär)</translation>
    </message>
    <message>
        <source>subtask {number}</source>
        <translation>Subtask {number}</translation>
    </message>
    <message>
        <source>subtask {number} on {node}</source>
        <translation>Subtask {number} auf {node}</translation>
    </message>
    <message>
        <source>the primary</source>
        <translation>die primäre Instanz</translation>
    </message>
    <message>
        <source>while downloading its resource files</source>
        <translation>beim Herunterladen seiner Ressourcendateien</translation>
    </message>
    <message>
        <source>{field}:</source>
        <translation>{field}:</translation>
    </message>
    <message>
        <source>{where} on {node}</source>
        <translation>{where} auf {node}</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
</context>
<context>
    <name>TaskWizard</name>
    <message>
        <source>Check the connection and try again.</source>
        <translation>Prüfen Sie die Verbindung und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Choose an open job from the list, or enter a new job ID.</source>
        <translation>Wählen Sie einen offenen Job aus der Liste, oder geben Sie eine neue Job-ID ein.</translation>
    </message>
    <message>
        <source>Choose another pool, or create one.</source>
        <translation>Wählen Sie einen anderen Pool, oder erstellen Sie einen.</translation>
    </message>
    <message>
        <source>Choose another task ID, such as &apos;{}&apos;.</source>
        <translation>Wählen Sie eine andere Task-ID, z. B. „{}“.</translation>
    </message>
    <message>
        <source>Import JSON…</source>
        <translation>JSON importieren…</translation>
    </message>
    <message>
        <source>Import task JSON</source>
        <translation>Task-JSON importieren</translation>
    </message>
    <message>
        <source>Job &apos;{}&apos; already exists but takes no new tasks (it is not active).</source>
        <translation>Job „{}“ existiert bereits, nimmt aber keine neuen Tasks an (er ist nicht aktiv).</translation>
    </message>
    <message>
        <source>Job &apos;{}&apos; already has a task &apos;{}&apos;.</source>
        <translation>Job „{}“ hat bereits einen Task „{}“.</translation>
    </message>
    <message>
        <source>New multi-instance MPI task</source>
        <translation>Neuer MPI-Task mit mehreren Instanzen</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Überprüfen</translation>
    </message>
    <message>
        <source>Run on another account…</source>
        <translation>Auf einem anderen Konto ausführen…</translation>
    </message>
    <message>
        <source>Run this task on another account</source>
        <translation>Diesen Task auf einem anderen Konto ausführen</translation>
    </message>
    <message>
        <source>Send this task, as it stands, to another account&apos;s pool instead of submitting it here</source>
        <translation>Diesen Task, so wie er ist, an den Pool eines anderen Kontos senden, statt ihn hier zu übermitteln</translation>
    </message>
    <message>
        <source>Submit</source>
        <translation>Übermitteln</translation>
    </message>
    <message>
        <source>The last task on this pool had files with access tokens, which are never stored, so neither its files nor the commands that use them were kept.</source>
        <translation>Der letzte Task auf diesem Pool hatte Dateien mit Zugriffstoken, die nie gespeichert werden; daher wurden weder seine Dateien noch die Befehle, die sie verwenden, aufbewahrt.</translation>
    </message>
    <message>
        <source>The task JSON</source>
        <translation>Das Task-JSON</translation>
    </message>
    <message>
        <source>The upload was cancelled.</source>
        <translation>Der Upload wurde abgebrochen.</translation>
    </message>
    <message>
        <source>There is no other account: add one in Connection &gt; Accounts…</source>
        <translation>Es gibt kein anderes Konto: Fügen Sie eines unter Verbindung &gt; Konten… hinzu</translation>
    </message>
    <message>
        <source>This is the task exactly as it will be sent; Submit sends it.</source>
        <translation>So wird der Task genau gesendet; „Übermitteln“ sendet ihn.</translation>
    </message>
</context>
<context>
    <name>Validation</name>
    <message>
        <source>Ask for at least 1 dedicated or low-priority node.</source>
        <translation>Fordern Sie mindestens 1 dedizierten Knoten oder Knoten mit niedriger Priorität an.</translation>
    </message>
    <message>
        <source>Ask for at most {most} nodes in total.</source>
        <translation>Fordern Sie insgesamt höchstens {most} Knoten an.</translation>
    </message>
    <message>
        <source>Batch&apos;s default of 7 days</source>
        <translation>Batch-Standard: 7 Tage</translation>
    </message>
    <message>
        <source>Choose the pool the job&apos;s tasks run on.</source>
        <translation>Wählen Sie den Pool, auf dem die Tasks des Jobs laufen.</translation>
    </message>
    <message>
        <source>Enter a size such as Standard_D2s_v3.</source>
        <translation>Geben Sie eine Größe wie Standard_D2s_v3 ein.</translation>
    </message>
    <message>
        <source>Enter it, for example &apos;{example}&apos;.</source>
        <translation>Geben Sie sie ein, zum Beispiel „{example}“.</translation>
    </message>
    <message>
        <source>Inter-node communication is off, so multi-instance (MPI) tasks would wait in this pool forever.</source>
        <translation>Die Kommunikation zwischen Knoten ist aus, daher würden Tasks mit mehreren Instanzen (MPI) in diesem Pool für immer warten.</translation>
    </message>
    <message>
        <source>No pool is chosen.</source>
        <translation>Kein Pool ausgewählt.</translation>
    </message>
    <message>
        <source>Shorten it.</source>
        <translation>Kürzen Sie ihn.</translation>
    </message>
    <message>
        <source>Task slots per node is {slots}; Batch runs multi-instance tasks only on pools with 1.</source>
        <translation>Taskslots pro Knoten ist {slots}; Batch führt Tasks mit mehreren Instanzen nur auf Pools mit 1 aus.</translation>
    </message>
    <message>
        <source>Task slots per node is {slots}; a node needs at least one.</source>
        <translation>Taskslots pro Knoten ist {slots}; ein Knoten braucht mindestens einen.</translation>
    </message>
    <message>
        <source>The VM size &apos;{size}&apos; contains spaces.</source>
        <translation>Die VM-Größe „{size}“ enthält Leerzeichen.</translation>
    </message>
    <message>
        <source>The VM size is empty.</source>
        <translation>Die VM-Größe ist leer.</translation>
    </message>
    <message>
        <source>The display name is {length} characters long; Batch allows at most {most}.</source>
        <translation>Der Anzeigename ist {length} Zeichen lang; Batch erlaubt höchstens {most}.</translation>
    </message>
    <message>
        <source>The image SKU is empty.</source>
        <translation>Die Image-SKU ist leer.</translation>
    </message>
    <message>
        <source>The image node agent SKU is empty.</source>
        <translation>Die Knoten-Agent-SKU des Images ist leer.</translation>
    </message>
    <message>
        <source>The image offer is empty.</source>
        <translation>Das Image-Angebot ist leer.</translation>
    </message>
    <message>
        <source>The image publisher is empty.</source>
        <translation>Der Image-Herausgeber ist leer.</translation>
    </message>
    <message>
        <source>The image version is empty.</source>
        <translation>Die Image-Version ist leer.</translation>
    </message>
    <message>
        <source>The maximum retry count is {retries}; Batch accepts 0 or more, or -1 for unlimited retries.</source>
        <translation>Die maximale Anzahl an Wiederholungen ist {retries}; Batch akzeptiert 0 oder mehr, oder -1 für unbegrenzte Wiederholungen.</translation>
    </message>
    <message>
        <source>The number of dedicated nodes is {count}.</source>
        <translation>Die Anzahl dedizierter Knoten ist {count}.</translation>
    </message>
    <message>
        <source>The number of instances is {count}; a task needs at least one node.</source>
        <translation>Die Anzahl der Instanzen ist {count}; ein Task braucht mindestens einen Knoten.</translation>
    </message>
    <message>
        <source>The number of low-priority nodes is {count}.</source>
        <translation>Die Anzahl der Knoten mit niedriger Priorität ist {count}.</translation>
    </message>
    <message>
        <source>The pool asks for {count} nodes; Azure Batch pools with inter-node communication reach at most {most} (80 in user-subscription mode), so it would stop short.</source>
        <translation>Der Pool fordert {count} Knoten an; Azure Batch-Pools mit Kommunikation zwischen Knoten erreichen höchstens {most} (80 im Benutzerabonnement-Modus), er bliebe also darunter.</translation>
    </message>
    <message>
        <source>The pool has no nodes, so no task could run on it.</source>
        <translation>Der Pool hat keine Knoten, daher könnte kein Task darauf laufen.</translation>
    </message>
    <message>
        <source>Turn inter-node communication on; it cannot be changed after the pool is created.</source>
        <translation>Aktivieren Sie die Kommunikation zwischen Knoten; sie lässt sich nach dem Erstellen des Pools nicht mehr ändern.</translation>
    </message>
    <message>
        <source>Use 0 for no retries.</source>
        <translation>Verwenden Sie 0 für keine Wiederholungen.</translation>
    </message>
    <message>
        <source>Use 0 or more.</source>
        <translation>Verwenden Sie 0 oder mehr.</translation>
    </message>
    <message>
        <source>Use 1 or more instances.</source>
        <translation>Verwenden Sie 1 oder mehr Instanzen.</translation>
    </message>
    <message>
        <source>Use 1 task slot per node, and run several MPI processes per node instead.</source>
        <translation>Verwenden Sie 1 Taskslot pro Knoten, und führen Sie stattdessen mehrere MPI-Prozesse pro Knoten aus.</translation>
    </message>
    <message>
        <source>Use 1 task slot per node.</source>
        <translation>Verwenden Sie 1 Taskslot pro Knoten.</translation>
    </message>
    <message>
        <source>Use at most {most} instances, and more processes per node if you need more ranks.</source>
        <translation>Verwenden Sie höchstens {most} Instanzen, und mehr Prozesse pro Knoten, wenn Sie mehr Ränge brauchen.</translation>
    </message>
    <message>
        <source>VM sizes are single words such as Standard_D2s_v3.</source>
        <translation>VM-Größen sind einzelne Wörter wie Standard_D2s_v3.</translation>
    </message>
    <message>
        <source>application command</source>
        <translation>Anwendungsbefehl</translation>
    </message>
    <message>
        <source>coordination command</source>
        <translation>Koordinationsbefehl</translation>
    </message>
    <message>
        <source>job ID</source>
        <translation>Job-ID</translation>
    </message>
    <message>
        <source>maximum wall-clock time</source>
        <translation>Maximale Laufzeit</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>keine Begrenzung</translation>
    </message>
    <message>
        <source>pool ID</source>
        <translation>Pool-ID</translation>
    </message>
    <message>
        <source>retention time</source>
        <translation>Aufbewahrungsdauer</translation>
    </message>
    <message>
        <source>start task command</source>
        <translation>Starttask-Befehl</translation>
    </message>
    <message>
        <source>task ID</source>
        <translation>Task-ID</translation>
    </message>
    <message>
        <source>{count} instances is more than the {most} nodes Azure Batch lets a pool with inter-node communication have (80 in user-subscription mode): there the task would never start.</source>
        <translation>{count} Instanzen sind mehr als die {most} Knoten, die Azure Batch einem Pool mit Kommunikation zwischen Knoten erlaubt (80 im Benutzerabonnement-Modus): Dort würde der Task nie starten.</translation>
    </message>
</context>
<context>
    <name>WaitReasons</name>
    <message>
        <source>1 idle node is there: the task starts at the service&apos;s next scheduling pass.</source>
        <translation>1 Knoten im Leerlauf ist vorhanden: Der Task startet beim nächsten Planungsdurchlauf des Dienstes.</translation>
    </message>
    <message>
        <source>1 node</source>
        <translation>1 Knoten</translation>
    </message>
    <message>
        <source>Job {job} is {state}: its tasks are not scheduled.</source>
        <translation>Job {job} ({state}): Seine Tasks werden nicht eingeplant.</translation>
    </message>
    <message>
        <source>Needs 1 idle node: {seen}.</source>
        <translation>Braucht 1 Knoten im Leerlauf: {seen}.</translation>
    </message>
    <message>
        <source>Needs 1 idle node: {seen}. Resize the pool, or re-enable scheduling on its nodes.</source>
        <translation>Braucht 1 Knoten im Leerlauf: {seen}. Skalieren Sie den Pool, oder aktivieren Sie die Planung auf seinen Knoten wieder.</translation>
    </message>
    <message>
        <source>Needs {count} idle nodes at once: {seen}.</source>
        <translation>Braucht {count} Knoten im Leerlauf gleichzeitig: {seen}.</translation>
    </message>
    <message>
        <source>Needs {count} idle nodes at once: {seen}. Resize the pool, or re-enable scheduling on its nodes.</source>
        <translation>Braucht {count} Knoten im Leerlauf gleichzeitig: {seen}. Skalieren Sie den Pool, oder aktivieren Sie die Planung auf seinen Knoten wieder.</translation>
    </message>
    <message>
        <source>Needs {nodes} at once, but pool {pool} is set to have {target} (resizing to it): resize it to at least {needed}.</source>
        <translation>Braucht {nodes} gleichzeitig, aber Pool {pool} soll {target} haben (Größe wird darauf geändert): Skalieren Sie ihn auf mindestens {needed}.</translation>
    </message>
    <message>
        <source>Needs {nodes} at once, but pool {pool} is set to have {target}: resize it to at least {needed}.</source>
        <translation>Braucht {nodes} gleichzeitig, aber Pool {pool} soll {target} haben: Skalieren Sie ihn auf mindestens {needed}.</translation>
    </message>
    <message>
        <source>Pool {pool} does not exist: create it, or move the job to another pool.</source>
        <translation>Pool {pool} existiert nicht: Erstellen Sie ihn, oder verschieben Sie den Job in einen anderen Pool.</translation>
    </message>
    <message>
        <source>Pool {pool} has {slots} task slots per node: a multi-instance task runs only on pools with 1.</source>
        <translation>Pool {pool} hat {slots} Taskslots pro Knoten: Ein Task mit mehreren Instanzen läuft nur auf Pools mit 1.</translation>
    </message>
    <message>
        <source>Pool {pool} is being deleted.</source>
        <translation>Pool {pool} wird gerade gelöscht.</translation>
    </message>
    <message>
        <source>Pool {pool} is resizing to {nodes} ({current} now).</source>
        <translation>Die Größe von Pool {pool} wird auf {nodes} geändert (jetzt {current}).</translation>
    </message>
    <message>
        <source>Pool {pool} lacks inter-node communication: a multi-instance task never runs on it. Use a pool created with inter-node communication enabled.</source>
        <translation>Pool {pool} fehlt die Kommunikation zwischen Knoten: Ein Task mit mehreren Instanzen läuft nie darauf. Verwenden Sie einen Pool, der mit aktivierter Kommunikation zwischen Knoten erstellt wurde.</translation>
    </message>
    <message>
        <source>the pool has no nodes</source>
        <translation>der Pool hat keine Knoten</translation>
    </message>
    <message>
        <source>{count} idle</source>
        <translation>{count} im Leerlauf</translation>
    </message>
    <message>
        <source>{count} idle nodes are there: the task starts at the service&apos;s next scheduling pass.</source>
        <translation>{count} Knoten im Leerlauf sind vorhanden: Der Task startet beim nächsten Planungsdurchlauf des Dienstes.</translation>
    </message>
    <message>
        <source>{count} nodes</source>
        <translation>{count} Knoten</translation>
    </message>
    <message>
        <source>{count} other</source>
        <translation>{count} sonstige</translation>
    </message>
    <message>
        <source>{count} running tasks</source>
        <translation>{count} laufende Tasks</translation>
    </message>
    <message>
        <source>{count} running with free slots</source>
        <translation>{count} laufen mit freien Slots</translation>
    </message>
    <message>
        <source>{count} scheduling disabled</source>
        <translation>{count} mit deaktivierter Planung</translation>
    </message>
    <message>
        <source>{count} starting</source>
        <translation>{count} starten</translation>
    </message>
    <message>
        <source>{count} unavailable</source>
        <translation>{count} nicht verfügbar</translation>
    </message>
</context>
</TS>
