<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Limpet::AddBackendDialog</name>
    <message>
        <location filename="../ui/cluster/addbackenddialog.cpp" line="+33"/>
        <source>Add backend</source>
        <translation>Backend hinzufügen</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>app4</source>
        <translation>app4</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>127.0.0.1:9104</source>
        <translation>127.0.0.1:9104</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>IP:PORT, or [IPv6]:PORT</source>
        <translation>IP:PORT oder [IPv6]:PORT</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the name</source>
        <translation>der Name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The name that identifies this backend inside an affinity key</source>
        <translation>Der Name, der dieses Backend in einem Affinitätsschlüssel kennzeichnet</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Pool:</source>
        <translation>&amp;Pool:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Address:</source>
        <translation>A&amp;dresse:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Route:</source>
        <translation>&amp;Route:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Weight:</source>
        <translation>&amp;Gewicht:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;State:</source>
        <translation>&amp;Zustand:</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Add it to the same pool on all %n instances</source>
        <translation>
            <numerusform>Zum selben Pool auf %n Instanz hinzufügen</numerusform>
            <numerusform>Zum selben Pool auf allen %n Instanzen hinzufügen</numerusform>
        </translation>
    </message>
    <message>
        <location line="+40"/>
        <source>This instance has no pool.</source>
        <translation>Diese Instanz hat keinen Pool.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Enter the backend&apos;s name.</source>
        <translation>Geben Sie den Namen des Backends ein.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pool %1 already has a backend named %2.</source>
        <translation>Pool %1 hat bereits ein Backend namens %2.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Enter the backend&apos;s address as IP:PORT.</source>
        <translation>Geben Sie die Adresse des Backends als IP:PORT ein.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 is not an address: expected IP:PORT, e.g. 127.0.0.1:9104.</source>
        <translation>%1 ist keine Adresse: erwartet wird IP:PORT, z. B. 127.0.0.1:9104.</translation>
    </message>
</context>
<context>
    <name>Limpet::BackendStatus</name>
    <message>
        <location filename="../ui/cluster/backendstatus.cpp" line="+27"/>
        <source>ready</source>
        <translation>ready</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>drain</source>
        <translation>drain</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>maint</source>
        <translation>maint</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>standby</source>
        <translation>standby</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+34"/>
        <source>down</source>
        <translation>down</translation>
    </message>
    <message>
        <location line="-32"/>
        <source>removing</source>
        <translation>wird entfernt</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>up</source>
        <translation>up</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 · no checks</source>
        <translation>%1 · keine Checks</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 · not checked yet</source>
        <translation>%1 · noch nicht geprüft</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+4"/>
        <source>%1 · %2 in %3</source>
        <translation>%1 · %2 in %3</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>%1 · connected in %2</source>
        <translation>%1 · verbunden in %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>drained in %1</source>
        <translation>Drain fertig in %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>draining</source>
        <translation>Drain läuft</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>~%1 s</source>
        <translation>~%1 s</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>~%1 min</source>
        <translation>~%1 min</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>~%1 h</source>
        <translation>~%1 h</translation>
    </message>
</context>
<context>
    <name>Limpet::BackendTableModel</name>
    <message>
        <location filename="../ui/cluster/backendtablemodel.cpp" line="+164"/>
        <source>%1 (slow start: %2)</source>
        <translation>%1 (Slow Start: %2)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 + %2 queued</source>
        <translation>%1 + %2 wartend</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+11"/>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 %</source>
        <translation>%1&#xa0;%</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>%1 since %2</source>
        <translation>%1 seit %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Last %1 check at %2</source>
        <translation>Letzter %1-Check um %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Sessions leave at %1 per second; none will be left in %2</source>
        <translation>Sessions enden mit %1 pro Sekunde; in %2 ist keine mehr übrig</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Pool</source>
        <translation>Pool</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Backend</source>
        <translation>Backend</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Route</source>
        <translation>Route</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Health</source>
        <translation>Health</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Weight</source>
        <translation>Gewicht</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Req/s</source>
        <translation>Anfr./s</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Requests</source>
        <translation>Anfragen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sessions</source>
        <translation>Sessions</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Errors</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The name that identifies this backend inside an affinity key</source>
        <translation>Der Name, der dieses Backend in einem Affinitätsschlüssel kennzeichnet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What an operator decided: ready, drain (existing sessions only), maint (nothing), standby (only when no ready backend is left)</source>
        <translation>Was ein Operator entschieden hat: ready, drain (nur bestehende Sessions), maint (nichts), standby (nur wenn kein Backend mehr ready ist)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>What health checks observed, and the last check&apos;s result and latency</source>
        <translation>Was die Health-Checks beobachtet haben, dazu Ergebnis und Latenz des letzten Checks</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Share of new sessions balanced to this backend (0–1000)</source>
        <translation>Anteil der neuen Sessions, die auf dieses Backend verteilt werden (0–1000)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Requests in flight on this backend now (and waiting for a max_conn slot)</source>
        <translation>Laufende Anfragen auf diesem Backend (und solche, die auf einen max_conn-Slot warten)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Requests per second over the last few seconds</source>
        <translation>Anfragen pro Sekunde über die letzten Sekunden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Requests sent to this backend since start</source>
        <translation>Seit dem Start an dieses Backend gesendete Anfragen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sessions bound to this backend in the session table; while draining, when none will be left at the current leave rate</source>
        <translation>An dieses Backend gebundene Sessions in der Session-Tabelle; während des Drains, wann beim aktuellen Abgangstempo keine mehr übrig ist</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Share of the last few seconds&apos; responses that were 5xx or never came</source>
        <translation>Anteil der Antworten der letzten Sekunden, die 5xx waren oder nie ankamen</translation>
    </message>
</context>
<context>
    <name>Limpet::BreakCountModel</name>
    <message>
        <location filename="../ui/tracing/breakcountmodel.cpp" line="+102"/>
        <source>Reason code %1</source>
        <translation>Grundcode %1</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Cause</source>
        <translation>Ursache</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Breaks</source>
        <translation>Brüche</translation>
    </message>
</context>
<context>
    <name>Limpet::ChartsView</name>
    <message>
        <location filename="../ui/charts/chartsview.cpp" line="+104"/>
        <location line="+84"/>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <location line="-83"/>
        <source>Paused: data keeps being collected.</source>
        <translation>Pausiert: Die Daten werden weiter erfasst.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Requests per second (stacked)</source>
        <translation>Anfragen pro Sekunde (gestapelt)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Response time (ms): p50 solid, p99 dashed</source>
        <translation>Antwortzeit (ms): p50 durchgezogen, p99 gestrichelt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Errors (% of responses: 5xx or none)</source>
        <translation>Fehler (% der Antworten: 5xx oder keine)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Bound sessions</source>
        <translation>Gebundene Sessions</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+313"/>
        <source>req/s</source>
        <translation>Anfr./s</translation>
    </message>
    <message>
        <location line="-313"/>
        <source>ms</source>
        <translation>ms</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%</source>
        <translation>%</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+329"/>
        <source>sessions</source>
        <translation>Sessions</translation>
    </message>
    <message>
        <location line="-302"/>
        <source>Keep the charts still while you read them (Space)</source>
        <translation>Diagramme beim Lesen anhalten (Leertaste)</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <location line="+173"/>
        <location line="+104"/>
        <source>%1 p50</source>
        <translation>%1 p50</translation>
    </message>
    <message>
        <location line="-99"/>
        <location line="+100"/>
        <source>%1 p99</source>
        <translation>%1 p99</translation>
    </message>
    <message>
        <location line="-38"/>
        <source>ms (p50)</source>
        <translation>ms (p50)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>ms (p99)</source>
        <translation>ms (p99)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>% errors</source>
        <translation>% Fehler</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 at %2: no data</source>
        <translation>%1 um %2: keine Daten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 at %2: %3 %4</source>
        <translation>%1 um %2: %3 %4</translation>
    </message>
</context>
<context>
    <name>Limpet::ClusterTreeModel</name>
    <message>
        <location filename="../ui/cluster/clustertreemodel.cpp" line="+272"/>
        <source>connecting…</source>
        <translation>verbinde…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>disconnected: %1</source>
        <translation>getrennt: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n session(s)</source>
        <translation>
            <numerusform>%n Session</numerusform>
            <numerusform>%n Sessions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%1 · %2 · %n backend(s)</source>
        <translation>
            <numerusform>%1 · %2 · %n Backend</numerusform>
            <numerusform>%1 · %2 · %n Backends</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1
Listening on %2 · Limpet %3</source>
        <translation>%1
Lauscht auf %2 · Limpet %3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Pool %1: affinity mode %2, balancing algorithm %3</source>
        <translation>Pool %1: Affinitätsmodus %2, Balancing-Algorithmus %3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 (%2)
%3
%4</source>
        <translation>%1 (%2)
%3
%4</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Instance</source>
        <translation>Instanz</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>Limpet::ClusterView</name>
    <message>
        <location filename="../ui/cluster/clusterview.cpp" line="+52"/>
        <source>&amp;Drain</source>
        <translation>&amp;Drain</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+D</source>
        <translation>Ctrl+D</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Drain: the selected backends keep their sessions and take no new one</source>
        <translation>Drain: Die ausgewählten Backends behalten ihre Sessions und nehmen keine neuen an</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Ready</source>
        <translation>&amp;Ready</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+R</source>
        <translation>Ctrl+R</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ready: the selected backends take new sessions</source>
        <translation>Ready: Die ausgewählten Backends nehmen neue Sessions an</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Maintenance…</source>
        <translation>&amp;Wartung…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+M</source>
        <translation>Ctrl+M</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Maintenance: the selected backends take nothing; their sessions move elsewhere</source>
        <translation>Wartung: Die ausgewählten Backends nehmen nichts an; ihre Sessions wandern zu anderen Backends</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Standby</source>
        <translation>&amp;Standby</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+B</source>
        <translation>Ctrl+B</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Standby: the selected backends take requests only when no ready backend is left</source>
        <translation>Standby: Die ausgewählten Backends nehmen nur Anfragen an, wenn kein Backend mehr ready ist</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Set &amp;weight…</source>
        <translation>&amp;Gewicht festlegen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+Shift+W</source>
        <translation>Ctrl+Shift+W</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Set the weight of the selected backends</source>
        <translation>Das Gewicht der ausgewählten Backends festlegen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Add backend…</source>
        <translation>Backend &amp;hinzufügen…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+N</source>
        <translation>Ctrl+N</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add a backend to a pool of this instance</source>
        <translation>Einem Pool dieser Instanz ein Backend hinzufügen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rem&amp;ove…</source>
        <translation>&amp;Entfernen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove the selected backends from their pool</source>
        <translation>Die ausgewählten Backends aus ihrem Pool entfernen</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Backend</source>
        <translation>Backend</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>&amp;Copy rows</source>
        <translation>Zeilen &amp;kopieren</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Filter backends: name, address, route or state</source>
        <translation>Backends filtern: Name, Adresse, Route oder Zustand</translation>
    </message>
    <message numerus="yes">
        <location line="+245"/>
        <source>Apply to all %n instances</source>
        <translation>
            <numerusform>Auf %n Instanz anwenden</numerusform>
            <numerusform>Auf alle %n Instanzen anwenden</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Do the same on every connected instance that has the same pool and backend</source>
        <translation>Dasselbe auf jeder verbundenen Instanz mit demselben Pool und Backend tun</translation>
    </message>
    <message>
        <location line="+36"/>
        <location line="+14"/>
        <source>Maintenance</source>
        <translation>Wartung</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>Put %1 in maintenance?</source>
        <translation>%1 in Wartung versetzen?</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Put %n backends in maintenance?</source>
        <translation>
            <numerusform>%n Backend in Wartung versetzen?</numerusform>
            <numerusform>%n Backends in Wartung versetzen?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Maintenance takes %1 out of service: it gets no request, and the %n session(s) bound to it move to other backends.</source>
        <translation>
            <numerusform>Wartung nimmt %1 außer Betrieb: Es erhält keine Anfragen, und die %n daran gebundene Session wechselt zu anderen Backends.</numerusform>
            <numerusform>Wartung nimmt %1 außer Betrieb: Es erhält keine Anfragen, und die %n daran gebundenen Sessions wechseln zu anderen Backends.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>Maintenance takes %1 out of service: they get no request, and the %n session(s) bound to them move to other backends.</source>
        <translation>
            <numerusform>Wartung nimmt %1 außer Betrieb: Sie erhalten keine Anfragen, und die %n daran gebundene Session wechselt zu anderen Backends.</numerusform>
            <numerusform>Wartung nimmt %1 außer Betrieb: Sie erhalten keine Anfragen, und die %n daran gebundenen Sessions wechseln zu anderen Backends.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+18"/>
        <source>%1 → %2 requested on %3</source>
        <translation>%1 → %2 auf %3 angefordert</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Set weight</source>
        <translation>Gewicht festlegen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Weight of %1 (0–1000; 0 takes no new session):</source>
        <translation>Gewicht von %1 (0–1000; bei 0 keine neuen Sessions):</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Weight %1 requested for %2 on %3</source>
        <translation>Gewicht %1 für %2 auf %3 angefordert</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Adding %1 (%2) to pool %3 on %4</source>
        <translation>%1 (%2) wird zu Pool %3 auf %4 hinzugefügt</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Remove backend</source>
        <translation>Backend entfernen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove %1 from pool %2?</source>
        <translation>%1 aus Pool %2 entfernen?</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Remove %n backends (%1)?</source>
        <translation>
            <numerusform>%n Backend entfernen (%1)?</numerusform>
            <numerusform>%n Backends entfernen (%1)?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Removed when drained: no new session goes there, and it leaves once no session is bound to it and no request is in flight (%n session(s) now).
Removed at once: it leaves now; requests in flight finish, and its sessions move to other backends.</source>
        <translation>
            <numerusform>Entfernen nach dem Drain: Es bekommt keine neuen Sessions und wird entfernt, sobald keine Session mehr daran gebunden und keine Anfrage mehr in Bearbeitung ist (derzeit %n Session).
Sofort entfernen: Es wird jetzt entfernt; laufende Anfragen werden zu Ende geführt, und seine Sessions wechseln zu anderen Backends.</numerusform>
            <numerusform>Entfernen nach dem Drain: Es bekommt keine neuen Sessions und wird entfernt, sobald keine Session mehr daran gebunden und keine Anfrage mehr in Bearbeitung ist (derzeit %n Sessions).
Sofort entfernen: Es wird jetzt entfernt; laufende Anfragen werden zu Ende geführt, und seine Sessions wechseln zu anderen Backends.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Remove when drained</source>
        <translation>Nach dem Drain entfernen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove at once (force)</source>
        <translation>Sofort entfernen (erzwingen)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Removing %1 at once on %2</source>
        <translation>%1 wird auf %2 sofort entfernt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Removing %1 once drained on %2</source>
        <translation>%1 wird auf %2 nach dem Drain entfernt</translation>
    </message>
</context>
<context>
    <name>Limpet::ConfigView</name>
    <message>
        <location filename="../ui/config/configview.cpp" line="+22"/>
        <source>Refre&amp;sh</source>
        <translation>A&amp;ktualisieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Reload config</source>
        <translation>Konfiguration &amp;neu laden</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Show the config this instance runs now</source>
        <translation>Die Konfiguration anzeigen, mit der diese Instanz gerade läuft</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+122"/>
        <source>Make the instance re-read its config file and apply it without dropping a connection</source>
        <translation>Die Instanz ihre Konfigurationsdatei neu einlesen und ohne Verbindungsabbruch anwenden lassen</translation>
    </message>
    <message>
        <location line="-115"/>
        <source>Errors in the file on disk; the config shown below still runs</source>
        <translation>Fehler in der Datei auf der Festplatte; die unten gezeigte Konfiguration läuft weiter</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No instance selected</source>
        <translation>Keine Instanz ausgewählt</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Reloading %1…</source>
        <translation>%1 wird neu geladen…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>No config file: this instance runs the built-in demo</source>
        <translation>Keine Konfigurationsdatei: Diese Instanz führt die eingebaute Demo aus</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Config file: %1</source>
        <translation>Konfigurationsdatei: %1</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Reloaded.</source>
        <translation>Neu geladen.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Reload refused: %1</source>
        <translation>Neuladen abgelehnt: %1</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>This instance has no config file to reload</source>
        <translation>Diese Instanz hat keine Konfigurationsdatei, die neu geladen werden könnte</translation>
    </message>
</context>
<context>
    <name>Limpet::ConnectDialog</name>
    <message>
        <location filename="../ui/connectdialog.cpp" line="+28"/>
        <source>&amp;Remember token</source>
        <translation>Token &amp;merken</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remember the token in the settings &amp;file (plain text)</source>
        <translation>Token in der Einstellungs&amp;datei merken (Klartext)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Connect to instance</source>
        <translation>Mit Instanz verbinden</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>http://10.0.0.5:9090</source>
        <translation>http://10.0.0.5:9090</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The admin API of a running limpet ([admin] bind)</source>
        <translation>Die Admin-API eines laufenden limpet ([admin] bind)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>none</source>
        <translation>keines</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The instance&apos;s [admin] token, if it has one</source>
        <translation>Das [admin]-Token der Instanz, falls sie eines hat</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Keep the token for this URL in the system keychain, and fill it in next time. Unticked, connecting forgets a token kept before.</source>
        <translation>Das Token für diese URL im Schlüsselbund des Systems aufbewahren und beim nächsten Mal eintragen. Ohne Haken vergisst das Verbinden ein zuvor aufbewahrtes Token.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Only when no system keychain is available (no Secret Service, KWallet, macOS Keychain or Windows Credential Manager): the token is then written unencrypted to %1, where anyone who can read that file can read it. Unticked, the token is kept nowhere when there is no keychain.</source>
        <translation>Nur wenn kein Schlüsselbund des Systems verfügbar ist (kein Secret Service, KWallet, macOS-Schlüsselbund oder Windows-Anmeldeinformationsverwaltung): Das Token wird dann unverschlüsselt in %1 geschrieben, wo es jeder lesen kann, der diese Datei lesen kann. Ohne Haken wird das Token ohne Schlüsselbund nirgends aufbewahrt.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>C&amp;onnect</source>
        <translation>&amp;Verbinden</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;URL:</source>
        <translation>&amp;URL:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Token:</source>
        <translation>&amp;Token:</translation>
    </message>
    <message>
        <location line="+72"/>
        <source>Token filled in from the settings file (plain text).</source>
        <translation>Token aus der Einstellungsdatei eingetragen (Klartext).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Token filled in from the keychain.</source>
        <translation>Token aus dem Schlüsselbund eingetragen.</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>%1 is not an admin API address: expected http://HOST:PORT.</source>
        <translation>%1 ist keine Admin-API-Adresse: erwartet wird http://HOST:PORT.</translation>
    </message>
</context>
<context>
    <name>Limpet::CookieFormats</name>
    <message>
        <location filename="../ui/inspector/cookieformats.cpp" line="+344"/>
        <source>route %1 between random hex</source>
        <translation>Route %1 zwischen zufälligen Hex-Ziffern</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>route %1</source>
        <translation>Route %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+304"/>
        <source>SHA-1 of %1</source>
        <translation>SHA-1 von %1</translation>
    </message>
    <message>
        <location line="-302"/>
        <source>SHA-1 of the salt and a backend&apos;s address: the instance knows which</source>
        <translation>SHA-1 aus Salt und der Adresse eines Backends: Die Instanz weiß, welches</translation>
    </message>
    <message>
        <location line="+183"/>
        <source>not a value Limpet issues: treated as absent (cookie-malformed)</source>
        <translation>kein von Limpet ausgegebener Wert: wird als fehlend behandelt (cookie-malformed)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>route %1, application value %2</source>
        <translation>Route %1, Anwendungswert %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no route prefix yet: the backend&apos;s own value (cookie-malformed)</source>
        <translation>noch kein Route-Präfix: der eigene Wert des Backends (cookie-malformed)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>route %1, session value %2</source>
        <translation>Route %1, Session-Wert %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no route after the separator (route-absent)</source>
        <translation>keine Route nach dem Trennzeichen (route-absent)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>the application&apos;s session: pool %1 learnt its backend from the response that set it</source>
        <translation>die Session der Anwendung: Pool %1 hat ihr Backend aus der Antwort gelernt, die sie gesetzt hat</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>a backend&apos;s address in clear</source>
        <translation>die Adresse eines Backends im Klartext</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>server URL %1</source>
        <translation>Server-URL %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>base64 of %1</source>
        <translation>Base64 von %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>MD5 of %1</source>
        <translation>MD5 von %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>MD5 of a backend&apos;s address: matches none known here</source>
        <translation>MD5 der Adresse eines Backends: passt zu keinem hier bekannten</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>SHA-1 of a salt and a backend&apos;s address: matches none known here</source>
        <translation>SHA-1 aus einem Salt und der Adresse eines Backends: passt zu keinem hier bekannten</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>hash of the server URL http://%1</source>
        <translation>Hash der Server-URL http://%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>hash of the server URL: matches none known here</source>
        <translation>Hash der Server-URL: passt zu keinem hier bekannten</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>server %1, application value %2</source>
        <translation>Server %1, Anwendungswert %2</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>route %1 after the last &apos;.&apos;</source>
        <translation>Route %1 nach dem letzten „.“</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>(quoted: mod_proxy_balancer reads the route as %1&quot; with the closing quote)</source>
        <translation>(in Anführungszeichen: mod_proxy_balancer liest die Route als %1&quot; mit dem schließenden Anführungszeichen)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>server %1</source>
        <translation>Server %1</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>%1: SameSite=None without Secure. Browsers reject such a cookie, so every request comes without it and is balanced as a new session.</source>
        <translation>%1: SameSite=None ohne Secure. Browser lehnen ein solches Cookie ab, daher kommt jede Anfrage ohne es an und wird als neue Session verteilt.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1: Path=%2 is narrower than %3. The browser sends the cookie back only under %2, so requests elsewhere in %3 lose their backend.</source>
        <translation>%1: Path=%2 ist enger als %3. Der Browser sendet das Cookie nur unterhalb von %2 zurück, daher verlieren Anfragen an anderen Stellen in %3 ihr Backend.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1: Domain=%2 does not match the host %3. The browser rejects the cookie, so no session is ever kept.</source>
        <translation>%1: Domain=%2 passt nicht zum Host %3. Der Browser lehnt das Cookie ab, daher bleibt nie eine Session erhalten.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1: the value shows the internal address %2. Every client learns it, and the session breaks as soon as that backend&apos;s address changes.</source>
        <translation>%1: Der Wert zeigt die interne Adresse %2. Jeder Client erfährt sie, und die Session bricht ab, sobald sich die Adresse dieses Backends ändert.</translation>
    </message>
    <message>
        <location line="+110"/>
        <source>Limpet insert (masked)</source>
        <translation>Limpet insert (maskiert)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Limpet insert (route)</source>
        <translation>Limpet insert (route)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Limpet insert (hash)</source>
        <translation>Limpet insert (hash)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Limpet insert (not readable)</source>
        <translation>Limpet insert (nicht lesbar)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Limpet prefix</source>
        <translation>Limpet prefix</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Limpet route</source>
        <translation>Limpet route</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Limpet learn (application cookie)</source>
        <translation>Limpet learn (Anwendungs-Cookie)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>HAProxy insert</source>
        <translation>HAProxy insert</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>HAProxy prefix</source>
        <translation>HAProxy prefix</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Apache mod_proxy_balancer route</source>
        <translation>Apache mod_proxy_balancer route</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>nginx sticky module (MD5)</source>
        <translation>nginx-Sticky-Modul (MD5)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Traefik (server URL)</source>
        <translation>Traefik (Server-URL)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Traefik (hashed server URL)</source>
        <translation>Traefik (gehashte Server-URL)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Envoy stateful session (base64 address)</source>
        <translation>Envoy Stateful Session (Base64-Adresse)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Perlbal SessionAffinity (SHA-1)</source>
        <translation>Perlbal SessionAffinity (SHA-1)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Backend address</source>
        <translation>Backend-Adresse</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>signed — checked by the instance (dry run below)</source>
        <translation>signiert — von der Instanz geprüft (Probelauf unten)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not signed</source>
        <translation>nicht signiert</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 h</source>
        <translation>%1 h</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n Tag</numerusform>
            <numerusform>%n Tage</numerusform>
        </translation>
    </message>
    <message>
        <location line="+11"/>
        <source>dated %1 ahead: the instance treats it as expired</source>
        <translation>um %1 in die Zukunft datiert: Die Instanz behandelt es als abgelaufen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>issued %1 ago, last used %2 ago (maxidle/maxlife dates)</source>
        <translation>ausgestellt vor %1, zuletzt benutzt vor %2 (maxidle/maxlife-Daten)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>deletes the cookie (Max-Age=%1)</source>
        <translation>löscht das Cookie (Max-Age=%1)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>expires in %1 (Max-Age=%2)</source>
        <translation>läuft in %1 ab (Max-Age=%2)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>expired %1 ago (%2): deletes the cookie</source>
        <translation>vor %1 abgelaufen (%2): löscht das Cookie</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>expires in %1 (%2)</source>
        <translation>läuft in %1 ab (%2)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>session cookie: until the browser closes</source>
        <translation>Session-Cookie: bis der Browser geschlossen wird</translation>
    </message>
</context>
<context>
    <name>Limpet::CookieTableModel</name>
    <message>
        <location filename="../ui/inspector/cookietablemodel.cpp" line="+36"/>
        <source>%1 → backend %2</source>
        <translation>%1 → Backend %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 (pool %2)</source>
        <translation>%1 (Pool %2)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>not a balancer cookie</source>
        <translation>kein Balancer-Cookie</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%1 (or %n more)</source>
        <translation>
            <numerusform>%1 (oder %n weiteres)</numerusform>
            <numerusform>%1 (oder %n weitere)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+28"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>An HMAC-SHA256 of the value: only the instance holds the secret to check it. The dry run below says whether it passes (cookie-invalid-signature if not).</source>
        <translation>Ein HMAC-SHA256 des Werts: Nur die Instanz kennt das Geheimnis, um ihn zu prüfen. Der Probelauf unten zeigt, ob er gültig ist (sonst cookie-invalid-signature).</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>The balancer formats the value fits, most likely first</source>
        <translation>Die Balancer-Formate, zu denen der Wert passt, das wahrscheinlichste zuerst</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Limpet insert cookies can carry an HMAC signature (sign = true)</source>
        <translation>Limpet-insert-Cookies können eine HMAC-Signatur tragen (sign = true)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Limpet&apos;s maxidle/maxlife dates in the value, and the Set-Cookie lifetime</source>
        <translation>Limpets maxidle/maxlife-Daten im Wert und die Lebensdauer laut Set-Cookie</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>SameSite: when the browser sends the cookie on cross-site requests</source>
        <translation>SameSite: wann der Browser das Cookie bei Cross-Site-Anfragen sendet</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Recognised as</source>
        <translation>Erkannt als</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Decoded</source>
        <translation>Dekodiert</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Signature</source>
        <translation>Signatur</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Age / expiry</source>
        <translation>Alter / Ablauf</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Domain</source>
        <translation>Domain</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Path</source>
        <translation>Path</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Secure</source>
        <translation>Secure</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>HttpOnly</source>
        <translation>HttpOnly</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>SameSite</source>
        <translation>SameSite</translation>
    </message>
</context>
<context>
    <name>Limpet::EmbeddedClient</name>
    <message>
        <location filename="../ui/client/embeddedclient.cpp" line="+46"/>
        <source>This computer</source>
        <translation>Dieser Computer</translation>
    </message>
</context>
<context>
    <name>Limpet::EmbeddedPoller</name>
    <message>
        <location filename="../ui/client/embeddedpoller.cpp" line="+152"/>
        <location line="+86"/>
        <source>the engine is not running</source>
        <translation>die Engine läuft nicht</translation>
    </message>
</context>
<context>
    <name>Limpet::InspectorView</name>
    <message>
        <location filename="../ui/inspector/inspectorview.cpp" line="+62"/>
        <source>&amp;Inspect</source>
        <translation>&amp;Untersuchen</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Paste a Cookie: header, Set-Cookie: lines or a whole HTTP request, then Inspect (Ctrl+Return)</source>
        <translation>Einen Cookie:-Header, Set-Cookie:-Zeilen oder eine ganze HTTP-Anfrage einfügen, dann Untersuchen (Strg+Eingabe)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>www.example.com</source>
        <translation>www.example.com</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The host the browser talks to: Domain attributes are checked against it, and the dry run routes by it</source>
        <translation>Der Host, mit dem der Browser spricht: Domain-Attribute werden dagegen geprüft, und der Probelauf routet danach</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The application&apos;s path: a cookie Path narrower than this loses the session, and the dry run routes by it</source>
        <translation>Der Pfad der Anwendung: Ein Cookie mit engerem Path verliert die Session, und der Probelauf routet danach</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Requests the instance served lately: pick one to inspect its cookie</source>
        <translation>Kürzlich von der Instanz bediente Anfragen: eine auswählen, um ihr Cookie zu untersuchen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recent requests…</source>
        <translation>Letzte Anfragen…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Read the cookies and ask the instance what it would do (Ctrl+Return)</source>
        <translation>Die Cookies lesen und die Instanz fragen, was sie tun würde (Strg+Eingabe)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Inspect</source>
        <translation>Untersuchen</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Nothing in these cookies breaks stickiness.</source>
        <translation>Nichts in diesen Cookies bricht die Stickiness.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>H&amp;ost:</source>
        <translation>H&amp;ost:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Path:</source>
        <translation>&amp;Pfad:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Warnings</source>
        <translation>Warnungen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>What Limpet would do now</source>
        <translation>Was Limpet jetzt tun würde</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A dry run on the instance: nothing is sent, recorded or counted</source>
        <translation>Ein Probelauf auf der Instanz: Nichts wird gesendet, aufgezeichnet oder gezählt</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Pool:</source>
        <translation>Pool:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason code:</source>
        <translation>Grundcode:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Backend:</source>
        <translation>Backend:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Candidates:</source>
        <translation>Kandidaten:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Session:</source>
        <translation>Session:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Detail:</source>
        <translation>Detail:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Inspect a cookie to see where the instance would send it.</source>
        <translation>Untersuchen Sie ein Cookie, um zu sehen, wohin die Instanz es senden würde.</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>No instance is connected: the dry run needs one.</source>
        <translation>Keine Instanz verbunden: Der Probelauf braucht eine.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Asking the instance…</source>
        <translation>Instanz wird gefragt…</translation>
    </message>
    <message>
        <location line="+20"/>
        <location line="+108"/>
        <source>none</source>
        <translation>keiner</translation>
    </message>
    <message>
        <location line="-107"/>
        <source>%1 (mode %2)</source>
        <translation>%1 (Modus %2)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>none chosen yet</source>
        <translation>noch keines gewählt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>on %1, %n request(s), last seen %2 ago</source>
        <translation>
            <numerusform>auf %1, %n Anfrage, zuletzt gesehen vor %2</numerusform>
            <numerusform>auf %1, %n Anfragen, zuletzt gesehen vor %2</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>pinned to %1 until %2</source>
        <translation>bis %2 an %1 angeheftet</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>rebound to %1</source>
        <translation>neu an %1 gebunden</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>not in the session table</source>
        <translation>nicht in der Session-Tabelle</translation>
    </message>
    <message>
        <location line="+85"/>
        <source>%1 %2 %3 — %4 → %5 (%6)</source>
        <translation>%1 %2 %3 — %4 → %5 (%6)</translation>
    </message>
</context>
<context>
    <name>Limpet::LogTableModel</name>
    <message>
        <location filename="../ui/log/logtablemodel.cpp" line="+78"/>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pool/backend</source>
        <translation>Pool/Backend</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>From → to</source>
        <translation>Von → nach</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>state, weight, health, backend-added, backend-removing, backend-removed, session-forgotten, session-pinned, session-rebound, reload, reload-failed, auth-failed</source>
        <translation>state, weight, health, backend-added, backend-removing, backend-removed, session-forgotten, session-pinned, session-rebound, reload, reload-failed, auth-failed</translation>
    </message>
</context>
<context>
    <name>Limpet::LogView</name>
    <message>
        <location filename="../ui/log/logview.cpp" line="+35"/>
        <source>Filter events: backend, kind, state, message…</source>
        <translation>Ereignisse filtern: Backend, Art, Zustand, Meldung…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>All events</source>
        <translation>Alle Ereignisse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>State changes</source>
        <translation>Zustandsänderungen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Health</source>
        <translation>Health</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Errors</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Errors: a backend going down, a reload refused, an API call with a bad token</source>
        <translation>Fehler: ein Backend, das down geht, ein abgelehntes Neuladen, ein API-Aufruf mit falschem Token</translation>
    </message>
    <message>
        <location line="+76"/>
        <source>No instance selected</source>
        <translation>Keine Instanz ausgewählt</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n Ereignis</numerusform>
            <numerusform>%n Ereignisse</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%1 of %n event(s)</source>
        <translation>
            <numerusform>%1 von %n Ereignis</numerusform>
            <numerusform>%1 von %n Ereignissen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Limpet::MainWindow</name>
    <message>
        <location filename="../ui/mainwindow.cpp" line="+56"/>
        <location line="+173"/>
        <source>Limpet</source>
        <translation>Limpet</translation>
    </message>
    <message>
        <location line="-169"/>
        <source>Cluster</source>
        <translation>Cluster</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Charts</source>
        <translation>Diagramme</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sessions</source>
        <translation>Sessions</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cookie inspector</source>
        <translation>Cookie-Inspektor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tracing</source>
        <translation>Tracing</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Log</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Config</source>
        <translation>Konfiguration</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Where the selected instance&apos;s listener takes client connections</source>
        <translation>Wo der Listener der ausgewählten Instanz Client-Verbindungen annimmt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Client connections open now</source>
        <translation>Derzeit offene Client-Verbindungen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sessions in the session table</source>
        <translation>Sessions in der Session-Tabelle</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+185"/>
        <source>The connection to the selected instance</source>
        <translation>Die Verbindung zur ausgewählten Instanz</translation>
    </message>
    <message>
        <location line="-156"/>
        <source>The token for %1 is kept in the keychain.</source>
        <translation>Das Token für %1 wird im Schlüsselbund aufbewahrt.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No keychain (%1): the token for %2 is kept in the settings file, as plain text.</source>
        <translation>Kein Schlüsselbund (%1): Das Token für %2 wird im Klartext in der Einstellungsdatei aufbewahrt.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No keychain (%1): the token for %2 is not kept.</source>
        <translation>Kein Schlüsselbund (%1): Das Token für %2 wird nicht aufbewahrt.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The keychain may still hold the token for %1: %2</source>
        <translation>Der Schlüsselbund enthält womöglich noch das Token für %1: %2</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Connect to instance…</source>
        <translation>Mit Instanz &amp;verbinden…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ctrl+Shift+O</source>
        <translation>Ctrl+Shift+O</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Ctrl+%1</source>
        <translation>Ctrl+%1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;Backend</source>
        <translation>&amp;Backend</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About Limpet</source>
        <translation>Ü&amp;ber Limpet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Limpet — %1</source>
        <translation>Limpet — %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No instance</source>
        <translation>Keine Instanz</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Listener unknown</source>
        <translation>Listener unbekannt</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Listening on %1</source>
        <translation>Lauscht auf %1</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n open connection(s)</source>
        <translation>
            <numerusform>%n offene Verbindung</numerusform>
            <numerusform>%n offene Verbindungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n session(s)</source>
        <translation>
            <numerusform>%n Session</numerusform>
            <numerusform>%n Sessions</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Connected</source>
        <translation>Verbunden</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Embedded engine</source>
        <translation>Eingebettete Engine</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Connecting…</source>
        <translation>Verbinde…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Disconnected</source>
        <translation>Getrennt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Disconnected: %1</source>
        <translation>Getrennt: %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 on %2: done</source>
        <translation>%1 auf %2: erledigt</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 on %2 refused: %3</source>
        <translation>%1 auf %2 abgelehnt: %3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 on %2: %3</source>
        <translation>%1 auf %2: %3</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Operation refused</source>
        <translation>Vorgang abgelehnt</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>About Limpet</source>
        <translation>Über Limpet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;h3&gt;Limpet %1&lt;/h3&gt;&lt;p&gt;A cluster manager with an embedded sticky-session HTTP load balancer.&lt;/p&gt;&lt;p&gt;Built with Qt %2.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Limpet %1&lt;/h3&gt;&lt;p&gt;Ein Cluster-Manager mit eingebautem HTTP-Load-Balancer für Sticky Sessions.&lt;/p&gt;&lt;p&gt;Erstellt mit Qt %2.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>Limpet::OperationText</name>
    <message>
        <location filename="../ui/client/operationtext.cpp" line="+24"/>
        <source>Ready %1/%2</source>
        <translation>Ready für %1/%2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Drain %1/%2</source>
        <translation>Drain für %1/%2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Maintenance %1/%2</source>
        <translation>Wartung für %1/%2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Standby %1/%2</source>
        <translation>Standby für %1/%2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Set the state of %1/%2</source>
        <translation>Zustand von %1/%2 setzen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Weight %1/%2 = %3</source>
        <translation>Gewicht %1/%2 = %3</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Add %1/%2 (%3)</source>
        <translation>%1/%2 hinzufügen (%3)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Remove %1/%2 now</source>
        <translation>%1/%2 sofort entfernen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove %1/%2 after it drains</source>
        <translation>%1/%2 nach dem Drain entfernen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Forget session %1 of %2</source>
        <translation>Session %1 von %2 vergessen</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Pin session %1 of %2 to %3 for %4 s</source>
        <translation>Session %1 von %2 für %4 s an %3 anheften</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Rebind session %1 of %2 to %3</source>
        <translation>Session %1 von %2 neu an %3 binden</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Inspect</source>
        <translation>Untersuchen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Trace session %1</source>
        <translation>Session %1 verfolgen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Trace client %1</source>
        <translation>Client %1 verfolgen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Read the configuration</source>
        <translation>Konfiguration lesen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Read the session table</source>
        <translation>Sitzungstabelle lesen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Reload the configuration</source>
        <translation>Konfiguration neu laden</translation>
    </message>
</context>
<context>
    <name>Limpet::PinDialog</name>
    <message>
        <location filename="../ui/sessions/pindialog.cpp" line="+28"/>
        <source>For good (rebind)</source>
        <translation>Dauerhaft (neu binden)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pin session</source>
        <translation>Session anheften</translation>
    </message>
    <message>
        <location line="+7"/>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Move the session to this backend for good instead of for a while; insert mode re-issues its cookie</source>
        <translation>Die Session dauerhaft statt nur für eine Weile auf dieses Backend verschieben; der insert-Modus stellt ihr Cookie neu aus</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Send the requests of session %1 to another backend of its pool.</source>
        <translation>Die Anfragen der Session %1 an ein anderes Backend ihres Pools senden.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Backend:</source>
        <translation>&amp;Backend:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;For:</source>
        <translation>&amp;Dauer:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Pin</source>
        <translation>Anheften</translation>
    </message>
</context>
<context>
    <name>Limpet::RemoteClient</name>
    <message>
        <location filename="../ui/client/remoteclient.cpp" line="+183"/>
        <source>no answer within %1 s</source>
        <translation>keine Antwort innerhalb von %1 s</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>the answer is not the admin API&apos;s JSON: %1</source>
        <translation>die Antwort ist nicht das JSON der Admin-API: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>HTTP %1 %2</source>
        <translation>HTTP %1 %2</translation>
    </message>
    <message>
        <location line="+280"/>
        <source>the event stream sent a line longer than 16 MiB</source>
        <translation>der Ereignisstrom hat eine Zeile gesendet, die länger als 16 MiB ist</translation>
    </message>
    <message>
        <location line="+55"/>
        <location line="+9"/>
        <source>the event stream closed</source>
        <translation>der Ereignisstrom wurde geschlossen</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>nothing received for %1 s</source>
        <translation>seit %1 s nichts empfangen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the event stream broke: %1</source>
        <translation>der Ereignisstrom ist abgebrochen: %1</translation>
    </message>
</context>
<context>
    <name>Limpet::SessionTableModel</name>
    <message>
        <location filename="../ui/sessions/sessiontablemodel.cpp" line="+548"/>
        <source>%1 (rebound)</source>
        <translation>%1 (neu gebunden)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 until %2</source>
        <translation>%1 bis %2</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Moved to %1 for good by an operator</source>
        <translation>Von einem Operator dauerhaft auf %1 verschoben</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pinned to %1 by an operator until %2</source>
        <translation>Von einem Operator bis %2 an %1 angeheftet</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Affinity key</source>
        <translation>Affinitätsschlüssel</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pool</source>
        <translation>Pool</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Backend</source>
        <translation>Backend</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Client</source>
        <translation>Client</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>First seen</source>
        <translation>Zuerst gesehen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Last seen</source>
        <translation>Zuletzt gesehen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Requests</source>
        <translation>Anfragen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pin</source>
        <translation>Anheftung</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The value that binds the session to its backend</source>
        <translation>Der Wert, der die Session an ihr Backend bindet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Address of the session&apos;s latest request</source>
        <translation>Adresse der letzten Anfrage der Session</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>When the session&apos;s first request arrived</source>
        <translation>Wann die erste Anfrage der Session ankam</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>When the session&apos;s latest request arrived</source>
        <translation>Wann die letzte Anfrage der Session ankam</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Requests of the session so far</source>
        <translation>Bisherige Anfragen der Session</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>An operator&apos;s pin (until a time) or rebind (for good)</source>
        <translation>Anheftung durch einen Operator (bis zu einem Zeitpunkt) oder Neubindung (dauerhaft)</translation>
    </message>
</context>
<context>
    <name>Limpet::SessionsView</name>
    <message>
        <location filename="../ui/sessions/sessionsview.cpp" line="+52"/>
        <source>&amp;Trace this session</source>
        <translation>Diese Session &amp;verfolgen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Pin to backend…</source>
        <translation>An Backend &amp;anheften…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Forget…</source>
        <translation>Ver&amp;gessen…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Filter by affinity key or client address</source>
        <translation>Nach Affinitätsschlüssel oder Client-Adresse filtern</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Show the sessions bound to one backend</source>
        <translation>Die an ein Backend gebundenen Sessions anzeigen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>All backends</source>
        <translation>Alle Backends</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Show the sessions whose latest request is that recent</source>
        <translation>Die Sessions anzeigen, deren letzte Anfrage so kurz zurückliegt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seen any time</source>
        <translation>Jederzeit gesehen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seen in the last minute</source>
        <translation>In der letzten Minute gesehen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seen in the last 5 minutes</source>
        <translation>In den letzten 5 Minuten gesehen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seen in the last hour</source>
        <translation>In der letzten Stunde gesehen</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Show the decisions made for this session&apos;s requests</source>
        <translation>Die für die Anfragen dieser Session getroffenen Entscheidungen anzeigen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Send this session to another backend for a while or for good</source>
        <translation>Diese Session für eine Weile oder dauerhaft an ein anderes Backend senden</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Drop this session&apos;s binding: its next request is balanced anew</source>
        <translation>Die Bindung dieser Session aufheben: Ihre nächste Anfrage wird neu verteilt</translation>
    </message>
    <message numerus="yes">
        <location line="+97"/>
        <source>%Ln session(s) (showing %1)</source>
        <translation>
            <numerusform>%Ln Session (%1 angezeigt)</numerusform>
            <numerusform>%Ln Sessions (%1 angezeigt)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>— %Ln more not sent by the instance</source>
        <translation>
            <numerusform>— %Ln weitere von der Instanz nicht gesendet</numerusform>
            <numerusform>— %Ln weitere von der Instanz nicht gesendet</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A remote instance sends its whole table only up to 200,000 sessions. The others show here once they change; `limpet ctl sessions` on the instance lists them all.</source>
        <translation>Eine entfernte Instanz sendet ihre ganze Tabelle nur bis 200.000 Sessions. Die übrigen erscheinen hier, sobald sie sich ändern; `limpet ctl sessions` auf der Instanz listet sie alle.</translation>
    </message>
    <message>
        <location line="+96"/>
        <source>Forget session</source>
        <translation>Session vergessen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Forget session %1 of pool %2?</source>
        <translation>Session %1 von Pool %2 vergessen?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Its binding to %1 is dropped: its next request is balanced as a new session, and may go to another backend.</source>
        <translation>Ihre Bindung an %1 wird aufgehoben: Ihre nächste Anfrage wird wie eine neue Session verteilt und kann an ein anderes Backend gehen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Forget</source>
        <translation>Vergessen</translation>
    </message>
</context>
<context>
    <name>Limpet::TokenStore</name>
    <message>
        <location filename="../ui/tokenstore.cpp" line="+30"/>
        <source>no keychain is available</source>
        <translation>kein Schlüsselbund verfügbar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the keychain failed</source>
        <translation>Fehler im Schlüsselbund</translation>
    </message>
</context>
<context>
    <name>Limpet::TraceModel</name>
    <message>
        <location filename="../ui/tracing/tracemodel.cpp" line="+40"/>
        <source>drained past deadline</source>
        <translation>Drain über die Frist hinaus</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>backend down or in maintenance</source>
        <translation>Backend down oder in Wartung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cookie missing</source>
        <translation>Cookie fehlt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cookie tampered</source>
        <translation>Cookie manipuliert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cookie expired</source>
        <translation>Cookie abgelaufen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cookie unreadable</source>
        <translation>Cookie unlesbar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cookie names a backend that is gone</source>
        <translation>Cookie nennt ein Backend, das es nicht mehr gibt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>backend refused the connection</source>
        <translation>Backend hat die Verbindung abgelehnt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>back from standby to a ready backend</source>
        <translation>zurück von Standby zu einem Backend in ready</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no ready backend: a standby one took it</source>
        <translation>kein Backend ready: ein Standby-Backend hat sie übernommen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>rebound by an operator</source>
        <translation>von einem Operator neu gebunden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>pinned by an operator</source>
        <translation>von einem Operator angeheftet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>route missing</source>
        <translation>Route fehlt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>application cookie not learnt</source>
        <translation>Anwendungs-Cookie nicht gelernt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>hashed elsewhere: the backends changed</source>
        <translation>woandershin gehasht: Die Backends haben sich geändert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>hash key missing</source>
        <translation>Hash-Schlüssel fehlt</translation>
    </message>
    <message>
        <location line="+114"/>
        <location line="+11"/>
        <location line="+1"/>
        <location line="+17"/>
        <location line="+1"/>
        <source>none</source>
        <translation>keines</translation>
    </message>
    <message>
        <location line="-28"/>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 → %2: %3</source>
        <translation>%1 → %2: %3</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The session moved from %1 to %2: %3 (%4).</source>
        <translation>Die Session ist von %1 zu %2 gewechselt: %3 (%4).</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>The affinity value the client sent (key_seen)</source>
        <translation>Der vom Client gesendete Affinitätswert (key_seen)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The reason code of the decision (engine/README.md)</source>
        <translation>Der Grundcode der Entscheidung (engine/README.md)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Time to the end of the response</source>
        <translation>Zeit bis zum Ende der Antwort</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The Set-Cookie Limpet added to the response</source>
        <translation>Das von Limpet zur Antwort hinzugefügte Set-Cookie</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Where the session was before, and why it moved</source>
        <translation>Wo die Session vorher war und warum sie gewechselt ist</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Method</source>
        <translation>Methode</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Path</source>
        <translation>Pfad</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cookie in</source>
        <translation>Cookie ein</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Backend</source>
        <translation>Backend</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Latency</source>
        <translation>Latenz</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Set-Cookie out</source>
        <translation>Set-Cookie aus</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Backend change</source>
        <translation>Backend-Wechsel</translation>
    </message>
</context>
<context>
    <name>Limpet::TraceView</name>
    <message>
        <location filename="../ui/tracing/traceview.cpp" line="+66"/>
        <source>&amp;Trace</source>
        <translation>&amp;Verfolgen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Pause</source>
        <translation>&amp;Pause</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Export JSON…</source>
        <translation>JSON e&amp;xportieren…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Session key</source>
        <translation>Session-Schlüssel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Client address</source>
        <translation>Client-Adresse</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>3f9a0c1d-app1-77b2e410 or 192.0.2.10</source>
        <translation>3f9a0c1d-app1-77b2e410 oder 192.0.2.10</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Hold new requests so the table stays still while you read</source>
        <translation>Neue Anfragen zurückhalten, damit die Tabelle beim Lesen stillsteht</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save the trace as a JSON array of decisions</source>
        <translation>Den Trace als JSON-Array von Entscheidungen speichern</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Select a request to see its decision</source>
        <translation>Eine Anfrage auswählen, um ihre Entscheidung zu sehen</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Stickiness breaks, whole instance</source>
        <translation>Stickiness-Brüche, gesamte Instanz</translation>
    </message>
    <message>
        <location line="+192"/>
        <source>none</source>
        <translation>keiner</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 %2 from %3, pool %4 (mode %5)</source>
        <translation>%1 %2 von %3, Pool %4 (Modus %5)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cookie seen: %1</source>
        <translation>Gesehenes Cookie: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Decoded: %1</source>
        <translation>Dekodiert: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason: %1%2</source>
        <translation>Grund: %1%2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Backend: %1%2</source>
        <translation>Backend: %1%2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> (balanced by %1)</source>
        <translation> (verteilt durch %1)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Backend change: %1 → %2, %3 (%4)</source>
        <translation>Backend-Wechsel: %1 → %2, %3 (%4)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Key in force: %1</source>
        <translation>Gültiger Schlüssel: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Set-Cookie: %1</source>
        <translation>Set-Cookie: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status %1 in %2 ms</source>
        <translation>Status %1 in %2 ms</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n byte(s)</source>
        <translation>
            <numerusform>%n Byte</numerusform>
            <numerusform>%n Bytes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n retry(-ies)</source>
        <translation>
            <numerusform>%n Wiederholung</numerusform>
            <numerusform>%n Wiederholungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+31"/>
        <source>%n break(s)</source>
        <translation>
            <numerusform>%n Bruch</numerusform>
            <numerusform>%n Brüche</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n decision(s)</source>
        <translation>
            <numerusform>%n Entscheidung</numerusform>
            <numerusform>%n Entscheidungen</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 in %2 since this view opened</source>
        <extracomment>%1: &quot;3 breaks&quot;, %2: &quot;1200 decisions&quot;</extracomment>
        <translation>%1 in %2, seit diese Ansicht geöffnet ist</translation>
    </message>
    <message>
        <location line="-28"/>
        <source>Pick a session key or a client address, then Trace.</source>
        <translation>Wählen Sie einen Session-Schlüssel oder eine Client-Adresse, dann Verfolgen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Client %1</source>
        <translation>Client %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Session %1</source>
        <translation>Session %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: no instance is connected.</source>
        <translation>%1: Keine Instanz verbunden.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: asking the instance for its history…</source>
        <translation>%1: Verlauf wird von der Instanz abgefragt…</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%1: %n request(s)</source>
        <translation>
            <numerusform>%1: %n Anfrage</numerusform>
            <numerusform>%1: %n Anfragen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n backend change(s)</source>
        <translation>
            <numerusform>%n Backend-Wechsel</numerusform>
            <numerusform>%n Backend-Wechsel</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>paused, %n new request(s) held</source>
        <translation>
            <numerusform>pausiert, %n neue Anfrage zurückgehalten</numerusform>
            <numerusform>pausiert, %n neue Anfragen zurückgehalten</numerusform>
        </translation>
    </message>
    <message>
        <location line="+35"/>
        <location line="+6"/>
        <source>Export trace</source>
        <translation>Trace exportieren</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>JSON files (*.json)</source>
        <translation>JSON-Dateien (*.json)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The trace could not be written to %1: %2</source>
        <translation>Der Trace konnte nicht nach %1 geschrieben werden: %2</translation>
    </message>
</context>
</TS>
