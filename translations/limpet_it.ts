<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="it_IT">
<context>
    <name>Limpet::AddBackendDialog</name>
    <message>
        <location filename="../ui/cluster/addbackenddialog.cpp" line="+33"/>
        <source>Add backend</source>
        <translation>Aggiungi backend</translation>
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
        <translation>IP:PORTA, oppure [IPv6]:PORTA</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the name</source>
        <translation>il nome</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The name that identifies this backend inside an affinity key</source>
        <translation>Il nome che identifica questo backend all&apos;interno di una chiave di affinità</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Pool:</source>
        <translation>&amp;Pool:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Name:</source>
        <translation>&amp;Nome:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Address:</source>
        <translation>&amp;Indirizzo:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Route:</source>
        <translation>&amp;Route:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Weight:</source>
        <translation>P&amp;eso:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;State:</source>
        <translation>&amp;Stato:</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Add it to the same pool on all %n instances</source>
        <translation>
            <numerusform>Aggiungilo allo stesso pool su %n istanza</numerusform>
            <numerusform>Aggiungilo allo stesso pool su tutte le %n istanze</numerusform>
        </translation>
    </message>
    <message>
        <location line="+40"/>
        <source>This instance has no pool.</source>
        <translation>Questa istanza non ha alcun pool.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Enter the backend&apos;s name.</source>
        <translation>Inserisci il nome del backend.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pool %1 already has a backend named %2.</source>
        <translation>Il pool %1 ha già un backend di nome %2.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Enter the backend&apos;s address as IP:PORT.</source>
        <translation>Inserisci l&apos;indirizzo del backend nella forma IP:PORTA.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 is not an address: expected IP:PORT, e.g. 127.0.0.1:9104.</source>
        <translation>%1 non è un indirizzo: atteso IP:PORTA, ad es. 127.0.0.1:9104.</translation>
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
        <translation>in rimozione</translation>
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
        <translation>%1 · nessun controllo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 · not checked yet</source>
        <translation>%1 · non ancora controllato</translation>
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
        <translation>%1 · connesso in %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>failed</source>
        <translation>fallito</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>drained in %1</source>
        <translation>drain completato tra %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>draining</source>
        <translation>drain in corso</translation>
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
        <translation>%1 (slow start: %2)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 + %2 queued</source>
        <translation>%1 + %2 in coda</translation>
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
        <translation>%1%</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>%1 since %2</source>
        <translation>%1 dal %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Last %1 check at %2</source>
        <translation>Ultimo controllo %1 alle %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Sessions leave at %1 per second; none will be left in %2</source>
        <translation>Le sessioni escono a %1 al secondo; nessuna rimarrà tra %2</translation>
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
        <translation>Indirizzo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Route</source>
        <translation>Route</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>State</source>
        <translation>Stato</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Health</source>
        <translation>Salute</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Weight</source>
        <translation>Peso</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Active</source>
        <translation>Attive</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Req/s</source>
        <translation>Rich./s</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Requests</source>
        <translation>Richieste</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sessions</source>
        <translation>Sessioni</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Errors</source>
        <translation>Errori</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The name that identifies this backend inside an affinity key</source>
        <translation>Il nome che identifica questo backend all&apos;interno di una chiave di affinità</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What an operator decided: ready, drain (existing sessions only), maint (nothing), standby (only when no ready backend is left)</source>
        <translation>Ciò che ha deciso un operatore: ready, drain (solo sessioni esistenti), maint (niente), standby (solo quando non resta alcun backend ready)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>What health checks observed, and the last check&apos;s result and latency</source>
        <translation>Ciò che hanno osservato gli health check, con esito e latenza dell&apos;ultimo controllo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Share of new sessions balanced to this backend (0–1000)</source>
        <translation>Quota delle nuove sessioni bilanciate su questo backend (0–1000)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Requests in flight on this backend now (and waiting for a max_conn slot)</source>
        <translation>Richieste in corso ora su questo backend (e in attesa di uno slot max_conn)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Requests per second over the last few seconds</source>
        <translation>Richieste al secondo negli ultimi secondi</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Requests sent to this backend since start</source>
        <translation>Richieste inviate a questo backend dall&apos;avvio</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sessions bound to this backend in the session table; while draining, when none will be left at the current leave rate</source>
        <translation>Sessioni legate a questo backend nella tabella delle sessioni; durante il drain, quando non ne resterà nessuna al ritmo di uscita attuale</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Share of the last few seconds&apos; responses that were 5xx or never came</source>
        <translation>Quota delle risposte degli ultimi secondi che sono state 5xx o non sono mai arrivate</translation>
    </message>
</context>
<context>
    <name>Limpet::BreakCountModel</name>
    <message>
        <location filename="../ui/tracing/breakcountmodel.cpp" line="+102"/>
        <source>Reason code %1</source>
        <translation>Codice motivo %1</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Cause</source>
        <translation>Causa</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Breaks</source>
        <translation>Rotture</translation>
    </message>
</context>
<context>
    <name>Limpet::ChartsView</name>
    <message>
        <location filename="../ui/charts/chartsview.cpp" line="+104"/>
        <location line="+84"/>
        <source>Pause</source>
        <translation>Pausa</translation>
    </message>
    <message>
        <location line="-83"/>
        <source>Paused: data keeps being collected.</source>
        <translation>In pausa: i dati continuano a essere raccolti.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Requests per second (stacked)</source>
        <translation>Richieste al secondo (impilate)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Response time (ms): p50 solid, p99 dashed</source>
        <translation>Tempo di risposta (ms): p50 linea continua, p99 tratteggiata</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Errors (% of responses: 5xx or none)</source>
        <translation>Errori (% delle risposte: 5xx o nessuna risposta)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Bound sessions</source>
        <translation>Sessioni legate</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+313"/>
        <source>req/s</source>
        <translation>rich/s</translation>
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
        <translation>sessioni</translation>
    </message>
    <message>
        <location line="-302"/>
        <source>Keep the charts still while you read them (Space)</source>
        <translation>Blocca i grafici mentre li leggi (Spazio)</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Resume</source>
        <translation>Riprendi</translation>
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
        <translation>% errori</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 at %2: no data</source>
        <translation>%1 alle %2: nessun dato</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 at %2: %3 %4</source>
        <translation>%1 alle %2: %3 %4</translation>
    </message>
</context>
<context>
    <name>Limpet::ClusterTreeModel</name>
    <message>
        <location filename="../ui/cluster/clustertreemodel.cpp" line="+272"/>
        <source>connecting…</source>
        <translation>connessione in corso…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>disconnected: %1</source>
        <translation>disconnesso: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n session(s)</source>
        <translation>
            <numerusform>%n sessione</numerusform>
            <numerusform>%n sessioni</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%1 · %2 · %n backend(s)</source>
        <translation>
            <numerusform>%1 · %2 · %n backend</numerusform>
            <numerusform>%1 · %2 · %n backend</numerusform>
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
In ascolto su %2 · Limpet %3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Pool %1: affinity mode %2, balancing algorithm %3</source>
        <translation>Pool %1: modalità di affinità %2, algoritmo di bilanciamento %3</translation>
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
        <translation>Istanza</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status</source>
        <translation>Stato</translation>
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
        <translation>Drain: i backend selezionati mantengono le loro sessioni e non ne accettano di nuove</translation>
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
        <translation>Ready: i backend selezionati accettano nuove sessioni</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Maintenance…</source>
        <translation>&amp;Manutenzione…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+M</source>
        <translation>Ctrl+M</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Maintenance: the selected backends take nothing; their sessions move elsewhere</source>
        <translation>Manutenzione: i backend selezionati non accettano nulla; le loro sessioni si spostano altrove</translation>
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
        <translation>Standby: i backend selezionati accettano richieste solo quando non resta alcun backend ready</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Set &amp;weight…</source>
        <translation>Imposta &amp;peso…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+Shift+W</source>
        <translation>Ctrl+Shift+W</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Set the weight of the selected backends</source>
        <translation>Imposta il peso dei backend selezionati</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Add backend…</source>
        <translation>&amp;Aggiungi backend…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+N</source>
        <translation>Ctrl+N</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add a backend to a pool of this instance</source>
        <translation>Aggiungi un backend a un pool di questa istanza</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rem&amp;ove…</source>
        <translation>R&amp;imuovi…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove the selected backends from their pool</source>
        <translation>Rimuovi i backend selezionati dal loro pool</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Backend</source>
        <translation>Backend</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>&amp;Copy rows</source>
        <translation>&amp;Copia righe</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Filter backends: name, address, route or state</source>
        <translation>Filtra i backend: nome, indirizzo, route o stato</translation>
    </message>
    <message numerus="yes">
        <location line="+245"/>
        <source>Apply to all %n instances</source>
        <translation>
            <numerusform>Applica a %n istanza</numerusform>
            <numerusform>Applica a tutte le %n istanze</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Do the same on every connected instance that has the same pool and backend</source>
        <translation>Fai lo stesso su ogni istanza connessa che ha lo stesso pool e lo stesso backend</translation>
    </message>
    <message>
        <location line="+36"/>
        <location line="+14"/>
        <source>Maintenance</source>
        <translation>Manutenzione</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>Put %1 in maintenance?</source>
        <translation>Mettere %1 in manutenzione?</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Put %n backends in maintenance?</source>
        <translation>
            <numerusform>Mettere %n backend in manutenzione?</numerusform>
            <numerusform>Mettere %n backend in manutenzione?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Maintenance takes %1 out of service: it gets no request, and the %n session(s) bound to it move to other backends.</source>
        <translation>
            <numerusform>La manutenzione mette %1 fuori servizio: non riceve alcuna richiesta, e %n sessione legata a esso passa ad altri backend.</numerusform>
            <numerusform>La manutenzione mette %1 fuori servizio: non riceve alcuna richiesta, e le %n sessioni legate a esso passano ad altri backend.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>Maintenance takes %1 out of service: they get no request, and the %n session(s) bound to them move to other backends.</source>
        <translation>
            <numerusform>La manutenzione mette %1 fuori servizio: non ricevono alcuna richiesta, e %n sessione legata a essi passa ad altri backend.</numerusform>
            <numerusform>La manutenzione mette %1 fuori servizio: non ricevono alcuna richiesta, e le %n sessioni legate a essi passano ad altri backend.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+18"/>
        <source>%1 → %2 requested on %3</source>
        <translation>%1 → %2 richiesto su %3</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Set weight</source>
        <translation>Imposta peso</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Weight of %1 (0–1000; 0 takes no new session):</source>
        <translation>Peso di %1 (0–1000; con 0 non riceve nuove sessioni):</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Weight %1 requested for %2 on %3</source>
        <translation>Peso %1 richiesto per %2 su %3</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Adding %1 (%2) to pool %3 on %4</source>
        <translation>Aggiunta di %1 (%2) al pool %3 su %4</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Remove backend</source>
        <translation>Rimuovi backend</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove %1 from pool %2?</source>
        <translation>Rimuovere %1 dal pool %2?</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Remove %n backends (%1)?</source>
        <translation>
            <numerusform>Rimuovere %n backend (%1)?</numerusform>
            <numerusform>Rimuovere %n backend (%1)?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Removed when drained: no new session goes there, and it leaves once no session is bound to it and no request is in flight (%n session(s) now).
Removed at once: it leaves now; requests in flight finish, and its sessions move to other backends.</source>
        <translation>
            <numerusform>Rimozione a drain completato: non riceve nuove sessioni, ed esce quando nessuna sessione è più legata a esso e nessuna richiesta è in corso (%n sessione ora).
Rimozione immediata: esce subito; le richieste in corso terminano, e le sue sessioni passano ad altri backend.</numerusform>
            <numerusform>Rimozione a drain completato: non riceve nuove sessioni, ed esce quando nessuna sessione è più legata a esso e nessuna richiesta è in corso (%n sessioni ora).
Rimozione immediata: esce subito; le richieste in corso terminano, e le sue sessioni passano ad altri backend.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Remove when drained</source>
        <translation>Rimuovi a drain completato</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove at once (force)</source>
        <translation>Rimuovi subito (forza)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Removing %1 at once on %2</source>
        <translation>Rimozione immediata di %1 su %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Removing %1 once drained on %2</source>
        <translation>Rimozione di %1 su %2 a drain completato</translation>
    </message>
</context>
<context>
    <name>Limpet::ConfigView</name>
    <message>
        <location filename="../ui/config/configview.cpp" line="+22"/>
        <source>Refre&amp;sh</source>
        <translation>A&amp;ggiorna</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Reload config</source>
        <translation>&amp;Ricarica configurazione</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Show the config this instance runs now</source>
        <translation>Mostra la configurazione con cui questa istanza gira ora</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+122"/>
        <source>Make the instance re-read its config file and apply it without dropping a connection</source>
        <translation>Fa rileggere all&apos;istanza il suo file di configurazione e lo applica senza far cadere alcuna connessione</translation>
    </message>
    <message>
        <location line="-115"/>
        <source>Errors in the file on disk; the config shown below still runs</source>
        <translation>Errori nel file su disco; la configurazione mostrata sotto resta in esecuzione</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Loading…</source>
        <translation>Caricamento…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No instance selected</source>
        <translation>Nessuna istanza selezionata</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Reloading %1…</source>
        <translation>Ricaricamento di %1…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>No config file: this instance runs the built-in demo</source>
        <translation>Nessun file di configurazione: questa istanza esegue la demo integrata</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Config file: %1</source>
        <translation>File di configurazione: %1</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Reloaded.</source>
        <translation>Ricaricata.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Reload refused: %1</source>
        <translation>Ricaricamento rifiutato: %1</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>This instance has no config file to reload</source>
        <translation>Questa istanza non ha alcun file di configurazione da ricaricare</translation>
    </message>
</context>
<context>
    <name>Limpet::ConnectDialog</name>
    <message>
        <location filename="../ui/connectdialog.cpp" line="+28"/>
        <source>&amp;Remember token</source>
        <translation>&amp;Ricorda il token</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remember the token in the settings &amp;file (plain text)</source>
        <translation>Ricorda il token nel &amp;file delle impostazioni (testo in chiaro)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Connect to instance</source>
        <translation>Connetti a un&apos;istanza</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>http://10.0.0.5:9090</source>
        <translation>http://10.0.0.5:9090</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The admin API of a running limpet ([admin] bind)</source>
        <translation>L&apos;API di amministrazione di un limpet in esecuzione ([admin] bind)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>none</source>
        <translation>nessuno</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The instance&apos;s [admin] token, if it has one</source>
        <translation>Il token [admin] dell&apos;istanza, se ne ha uno</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Keep the token for this URL in the system keychain, and fill it in next time. Unticked, connecting forgets a token kept before.</source>
        <translation>Conserva il token di questo URL nel portachiavi di sistema e lo inserisce la prossima volta. Se non è spuntato, la connessione dimentica un token conservato in precedenza.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Only when no system keychain is available (no Secret Service, KWallet, macOS Keychain or Windows Credential Manager): the token is then written unencrypted to %1, where anyone who can read that file can read it. Unticked, the token is kept nowhere when there is no keychain.</source>
        <translation>Solo quando non è disponibile alcun portachiavi di sistema (né Secret Service, né KWallet, né il Portachiavi di macOS, né Gestione credenziali di Windows): il token viene allora scritto non cifrato in %1, dove chiunque possa leggere quel file può leggerlo. Se non è spuntato, senza portachiavi il token non viene conservato da nessuna parte.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>C&amp;onnect</source>
        <translation>&amp;Connetti</translation>
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
        <translation>Token inserito dal file delle impostazioni (testo in chiaro).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Token filled in from the keychain.</source>
        <translation>Token inserito dal portachiavi.</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>%1 is not an admin API address: expected http://HOST:PORT.</source>
        <translation>%1 non è un indirizzo di API di amministrazione: atteso http://HOST:PORTA.</translation>
    </message>
</context>
<context>
    <name>Limpet::CookieFormats</name>
    <message>
        <location filename="../ui/inspector/cookieformats.cpp" line="+344"/>
        <source>route %1 between random hex</source>
        <translation>route %1 tra cifre esadecimali casuali</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>route %1</source>
        <translation>route %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+304"/>
        <source>SHA-1 of %1</source>
        <translation>SHA-1 di %1</translation>
    </message>
    <message>
        <location line="-302"/>
        <source>SHA-1 of the salt and a backend&apos;s address: the instance knows which</source>
        <translation>SHA-1 del salt e dell&apos;indirizzo di un backend: l&apos;istanza sa quale</translation>
    </message>
    <message>
        <location line="+183"/>
        <source>not a value Limpet issues: treated as absent (cookie-malformed)</source>
        <translation>non è un valore emesso da Limpet: trattato come assente (cookie-malformed)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>route %1, application value %2</source>
        <translation>route %1, valore dell&apos;applicazione %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no route prefix yet: the backend&apos;s own value (cookie-malformed)</source>
        <translation>ancora nessun prefisso di route: il valore proprio del backend (cookie-malformed)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>route %1, session value %2</source>
        <translation>route %1, valore di sessione %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no route after the separator (route-absent)</source>
        <translation>nessuna route dopo il separatore (route-absent)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>the application&apos;s session: pool %1 learnt its backend from the response that set it</source>
        <translation>la sessione dell&apos;applicazione: il pool %1 ha appreso il suo backend dalla risposta che l&apos;ha impostata</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>a backend&apos;s address in clear</source>
        <translation>l&apos;indirizzo di un backend in chiaro</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>server URL %1</source>
        <translation>URL del server %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>base64 of %1</source>
        <translation>base64 di %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>MD5 of %1</source>
        <translation>MD5 di %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>MD5 of a backend&apos;s address: matches none known here</source>
        <translation>MD5 dell&apos;indirizzo di un backend: non corrisponde a nessuno di quelli noti qui</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>SHA-1 of a salt and a backend&apos;s address: matches none known here</source>
        <translation>SHA-1 di un salt e dell&apos;indirizzo di un backend: non corrisponde a nessuno di quelli noti qui</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>hash of the server URL http://%1</source>
        <translation>hash dell&apos;URL del server http://%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>hash of the server URL: matches none known here</source>
        <translation>hash dell&apos;URL del server: non corrisponde a nessuno di quelli noti qui</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>server %1, application value %2</source>
        <translation>server %1, valore dell&apos;applicazione %2</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>route %1 after the last &apos;.&apos;</source>
        <translation>route %1 dopo l&apos;ultimo &apos;.&apos;</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>(quoted: mod_proxy_balancer reads the route as %1&quot; with the closing quote)</source>
        <translation>(tra virgolette: mod_proxy_balancer legge la route come %1&quot; con la virgoletta di chiusura)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>server %1</source>
        <translation>server %1</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>%1: SameSite=None without Secure. Browsers reject such a cookie, so every request comes without it and is balanced as a new session.</source>
        <translation>%1: SameSite=None senza Secure. I browser rifiutano un cookie del genere, quindi ogni richiesta arriva senza e viene bilanciata come una nuova sessione.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1: Path=%2 is narrower than %3. The browser sends the cookie back only under %2, so requests elsewhere in %3 lose their backend.</source>
        <translation>%1: Path=%2 è più ristretto di %3. Il browser rimanda il cookie solo sotto %2, quindi le richieste altrove in %3 perdono il loro backend.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1: Domain=%2 does not match the host %3. The browser rejects the cookie, so no session is ever kept.</source>
        <translation>%1: Domain=%2 non corrisponde all&apos;host %3. Il browser rifiuta il cookie, quindi nessuna sessione viene mai mantenuta.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1: the value shows the internal address %2. Every client learns it, and the session breaks as soon as that backend&apos;s address changes.</source>
        <translation>%1: il valore mostra l&apos;indirizzo interno %2. Ogni client lo viene a sapere, e la sessione si rompe non appena cambia l&apos;indirizzo di quel backend.</translation>
    </message>
    <message>
        <location line="+110"/>
        <source>Limpet insert (masked)</source>
        <translation>Limpet insert (mascherato)</translation>
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
        <translation>Limpet insert (illeggibile)</translation>
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
        <translation>Limpet learn (cookie dell&apos;applicazione)</translation>
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
        <translation>modulo nginx sticky (MD5)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Traefik (server URL)</source>
        <translation>Traefik (URL del server)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Traefik (hashed server URL)</source>
        <translation>Traefik (hash dell&apos;URL del server)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Envoy stateful session (base64 address)</source>
        <translation>Envoy stateful session (indirizzo in base64)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Perlbal SessionAffinity (SHA-1)</source>
        <translation>Perlbal SessionAffinity (SHA-1)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Backend address</source>
        <translation>Indirizzo del backend</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>signed — checked by the instance (dry run below)</source>
        <translation>firmato — verificato dall&apos;istanza (dry run qui sotto)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not signed</source>
        <translation>non firmato</translation>
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
            <numerusform>%n giorno</numerusform>
            <numerusform>%n giorni</numerusform>
        </translation>
    </message>
    <message>
        <location line="+11"/>
        <source>dated %1 ahead: the instance treats it as expired</source>
        <translation>datato %1 nel futuro: l&apos;istanza lo considera scaduto</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>issued %1 ago, last used %2 ago (maxidle/maxlife dates)</source>
        <translation>emesso %1 fa, usato l&apos;ultima volta %2 fa (date maxidle/maxlife)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>deletes the cookie (Max-Age=%1)</source>
        <translation>elimina il cookie (Max-Age=%1)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>expires in %1 (Max-Age=%2)</source>
        <translation>scade tra %1 (Max-Age=%2)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>expired %1 ago (%2): deletes the cookie</source>
        <translation>scaduto %1 fa (%2): elimina il cookie</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>expires in %1 (%2)</source>
        <translation>scade tra %1 (%2)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>session cookie: until the browser closes</source>
        <translation>cookie di sessione: fino alla chiusura del browser</translation>
    </message>
</context>
<context>
    <name>Limpet::CookieTableModel</name>
    <message>
        <location filename="../ui/inspector/cookietablemodel.cpp" line="+36"/>
        <source>%1 → backend %2</source>
        <translation>%1 → backend %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 (pool %2)</source>
        <translation>%1 (pool %2)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>yes</source>
        <translation>sì</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>not a balancer cookie</source>
        <translation>non è un cookie di bilanciamento</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%1 (or %n more)</source>
        <translation>
            <numerusform>%1 (o %n altro)</numerusform>
            <numerusform>%1 (o altri %n)</numerusform>
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
        <translation>Un HMAC-SHA256 del valore: solo l&apos;istanza possiede il segreto per verificarlo. Il dry run qui sotto dice se è valido (cookie-invalid-signature in caso contrario).</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>The balancer formats the value fits, most likely first</source>
        <translation>I formati di bilanciamento a cui corrisponde il valore, dal più probabile</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Limpet insert cookies can carry an HMAC signature (sign = true)</source>
        <translation>I cookie insert di Limpet possono portare una firma HMAC (sign = true)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Limpet&apos;s maxidle/maxlife dates in the value, and the Set-Cookie lifetime</source>
        <translation>Le date maxidle/maxlife di Limpet nel valore, e la durata del Set-Cookie</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>SameSite: when the browser sends the cookie on cross-site requests</source>
        <translation>SameSite: quando il browser invia il cookie nelle richieste cross-site</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Value</source>
        <translation>Valore</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Recognised as</source>
        <translation>Riconosciuto come</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Decoded</source>
        <translation>Decodificato</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Signature</source>
        <translation>Firma</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Age / expiry</source>
        <translation>Età / scadenza</translation>
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
        <translation>Questo computer</translation>
    </message>
</context>
<context>
    <name>Limpet::EmbeddedPoller</name>
    <message>
        <location filename="../ui/client/embeddedpoller.cpp" line="+152"/>
        <location line="+86"/>
        <source>the engine is not running</source>
        <translation>il motore non è in esecuzione</translation>
    </message>
</context>
<context>
    <name>Limpet::InspectorView</name>
    <message>
        <location filename="../ui/inspector/inspectorview.cpp" line="+62"/>
        <source>&amp;Inspect</source>
        <translation>&amp;Ispeziona</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Paste a Cookie: header, Set-Cookie: lines or a whole HTTP request, then Inspect (Ctrl+Return)</source>
        <translation>Incolla un&apos;intestazione Cookie:, righe Set-Cookie: o un&apos;intera richiesta HTTP, poi Ispeziona (Ctrl+Invio)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>www.example.com</source>
        <translation>www.example.com</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The host the browser talks to: Domain attributes are checked against it, and the dry run routes by it</source>
        <translation>L&apos;host con cui parla il browser: gli attributi Domain vengono verificati rispetto a esso, e il dry run instrada in base a esso</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The application&apos;s path: a cookie Path narrower than this loses the session, and the dry run routes by it</source>
        <translation>Il percorso dell&apos;applicazione: un cookie con un Path più ristretto perde la sessione, e il dry run instrada in base a esso</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Requests the instance served lately: pick one to inspect its cookie</source>
        <translation>Richieste servite di recente dall&apos;istanza: scegline una per ispezionarne il cookie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recent requests…</source>
        <translation>Richieste recenti…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Read the cookies and ask the instance what it would do (Ctrl+Return)</source>
        <translation>Legge i cookie e chiede all&apos;istanza cosa farebbe (Ctrl+Invio)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Inspect</source>
        <translation>Ispeziona</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Nothing in these cookies breaks stickiness.</source>
        <translation>Niente in questi cookie rompe la persistenza della sessione.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>H&amp;ost:</source>
        <translation>&amp;Host:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Path:</source>
        <translation>&amp;Percorso:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Warnings</source>
        <translation>Avvisi</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>What Limpet would do now</source>
        <translation>Cosa farebbe Limpet ora</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A dry run on the instance: nothing is sent, recorded or counted</source>
        <translation>Un dry run sull&apos;istanza: nulla viene inviato, registrato o conteggiato</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Pool:</source>
        <translation>Pool:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason code:</source>
        <translation>Codice motivo:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Backend:</source>
        <translation>Backend:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Candidates:</source>
        <translation>Candidati:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Session:</source>
        <translation>Sessione:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Detail:</source>
        <translation>Dettaglio:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Inspect a cookie to see where the instance would send it.</source>
        <translation>Ispeziona un cookie per vedere dove lo invierebbe l&apos;istanza.</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>No instance is connected: the dry run needs one.</source>
        <translation>Nessuna istanza connessa: il dry run ne richiede una.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Asking the instance…</source>
        <translation>Richiesta all&apos;istanza in corso…</translation>
    </message>
    <message>
        <location line="+20"/>
        <location line="+108"/>
        <source>none</source>
        <translation>nessuno</translation>
    </message>
    <message>
        <location line="-107"/>
        <source>%1 (mode %2)</source>
        <translation>%1 (modalità %2)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>none chosen yet</source>
        <translation>nessuno scelto finora</translation>
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
            <numerusform>su %1, %n richiesta, vista l&apos;ultima volta %2 fa</numerusform>
            <numerusform>su %1, %n richieste, vista l&apos;ultima volta %2 fa</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>pinned to %1 until %2</source>
        <translation>fissata su %1 fino a %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>rebound to %1</source>
        <translation>riassegnata a %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>not in the session table</source>
        <translation>non presente nella tabella delle sessioni</translation>
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
        <translation>Ora</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pool/backend</source>
        <translation>Pool/backend</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>From → to</source>
        <translation>Da → a</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Message</source>
        <translation>Messaggio</translation>
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
        <translation>Filtra gli eventi: backend, tipo, stato, messaggio…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>All events</source>
        <translation>Tutti gli eventi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>State changes</source>
        <translation>Cambi di stato</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Health</source>
        <translation>Salute</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Errors</source>
        <translation>Errori</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Errors: a backend going down, a reload refused, an API call with a bad token</source>
        <translation>Errori: un backend che va down, un ricaricamento rifiutato, una chiamata API con un token errato</translation>
    </message>
    <message>
        <location line="+76"/>
        <source>No instance selected</source>
        <translation>Nessuna istanza selezionata</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n evento</numerusform>
            <numerusform>%n eventi</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%1 of %n event(s)</source>
        <translation>
            <numerusform>%1 di %n evento</numerusform>
            <numerusform>%1 di %n eventi</numerusform>
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
        <translation>Grafici</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sessions</source>
        <translation>Sessioni</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cookie inspector</source>
        <translation>Ispettore cookie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tracing</source>
        <translation>Tracciamento</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Log</source>
        <translation>Log</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Config</source>
        <translation>Configurazione</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Where the selected instance&apos;s listener takes client connections</source>
        <translation>Dove il listener dell&apos;istanza selezionata accetta le connessioni dei client</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Client connections open now</source>
        <translation>Connessioni client aperte ora</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sessions in the session table</source>
        <translation>Sessioni nella tabella delle sessioni</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+185"/>
        <source>The connection to the selected instance</source>
        <translation>La connessione all&apos;istanza selezionata</translation>
    </message>
    <message>
        <location line="-156"/>
        <source>The token for %1 is kept in the keychain.</source>
        <translation>Il token per %1 è conservato nel portachiavi.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No keychain (%1): the token for %2 is kept in the settings file, as plain text.</source>
        <translation>Nessun portachiavi (%1): il token per %2 è conservato in chiaro nel file delle impostazioni.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No keychain (%1): the token for %2 is not kept.</source>
        <translation>Nessun portachiavi (%1): il token per %2 non viene conservato.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The keychain may still hold the token for %1: %2</source>
        <translation>Il portachiavi potrebbe contenere ancora il token per %1: %2</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Connect to instance…</source>
        <translation>&amp;Connetti a un&apos;istanza…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ctrl+Shift+O</source>
        <translation>Ctrl+Shift+O</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Quit</source>
        <translation>&amp;Esci</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;View</source>
        <translation>&amp;Visualizza</translation>
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
        <translation>&amp;Aiuto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About Limpet</source>
        <translation>&amp;Informazioni su Limpet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>About &amp;Qt</source>
        <translation>Informazioni su &amp;Qt</translation>
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
        <translation>Nessuna istanza</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Listener unknown</source>
        <translation>Listener sconosciuto</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Listening on %1</source>
        <translation>In ascolto su %1</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n open connection(s)</source>
        <translation>
            <numerusform>%n connessione aperta</numerusform>
            <numerusform>%n connessioni aperte</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n session(s)</source>
        <translation>
            <numerusform>%n sessione</numerusform>
            <numerusform>%n sessioni</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Connected</source>
        <translation>Connesso</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Embedded engine</source>
        <translation>Motore integrato</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Connecting…</source>
        <translation>Connessione in corso…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Disconnected</source>
        <translation>Disconnesso</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Disconnected: %1</source>
        <translation>Disconnesso: %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 on %2: done</source>
        <translation>%1 su %2: fatto</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 on %2 refused: %3</source>
        <translation>%1 su %2 rifiutato: %3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 on %2: %3</source>
        <translation>%1 su %2: %3</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Operation refused</source>
        <translation>Operazione rifiutata</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>About Limpet</source>
        <translation>Informazioni su Limpet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;h3&gt;Limpet %1&lt;/h3&gt;&lt;p&gt;A cluster manager with an embedded sticky-session HTTP load balancer.&lt;/p&gt;&lt;p&gt;Built with Qt %2.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Limpet %1&lt;/h3&gt;&lt;p&gt;Un gestore di cluster con un load balancer HTTP integrato a sessioni sticky.&lt;/p&gt;&lt;p&gt;Compilato con Qt %2.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>Limpet::OperationText</name>
    <message>
        <location filename="../ui/client/operationtext.cpp" line="+24"/>
        <source>Ready %1/%2</source>
        <translation>%1/%2 in ready</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Drain %1/%2</source>
        <translation>%1/%2 in drain</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Maintenance %1/%2</source>
        <translation>%1/%2 in manutenzione</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Standby %1/%2</source>
        <translation>%1/%2 in standby</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Set the state of %1/%2</source>
        <translation>Imposta lo stato di %1/%2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Weight %1/%2 = %3</source>
        <translation>Peso %1/%2 = %3</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Add %1/%2 (%3)</source>
        <translation>Aggiungi %1/%2 (%3)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Remove %1/%2 now</source>
        <translation>Rimuovi %1/%2 subito</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove %1/%2 after it drains</source>
        <translation>Rimuovi %1/%2 a drain completato</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Forget session %1 of %2</source>
        <translation>Dimentica la sessione %1 di %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Pin session %1 of %2 to %3 for %4 s</source>
        <translation>Fissa la sessione %1 di %2 su %3 per %4 s</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Rebind session %1 of %2 to %3</source>
        <translation>Riassegna la sessione %1 di %2 a %3</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Inspect</source>
        <translation>Ispeziona</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Trace session %1</source>
        <translation>Traccia la sessione %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Trace client %1</source>
        <translation>Traccia il client %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Read the configuration</source>
        <translation>Leggi la configurazione</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Read the session table</source>
        <translation>Leggi la tabella delle sessioni</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Reload the configuration</source>
        <translation>Ricarica la configurazione</translation>
    </message>
</context>
<context>
    <name>Limpet::PinDialog</name>
    <message>
        <location filename="../ui/sessions/pindialog.cpp" line="+28"/>
        <source>For good (rebind)</source>
        <translation>Definitivamente (riassegna)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pin session</source>
        <translation>Fissa sessione</translation>
    </message>
    <message>
        <location line="+7"/>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Move the session to this backend for good instead of for a while; insert mode re-issues its cookie</source>
        <translation>Sposta la sessione su questo backend definitivamente invece che per un certo tempo; la modalità insert riemette il suo cookie</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Send the requests of session %1 to another backend of its pool.</source>
        <translation>Invia le richieste della sessione %1 a un altro backend del suo pool.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Backend:</source>
        <translation>&amp;Backend:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;For:</source>
        <translation>&amp;Per:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Pin</source>
        <translation>Fissa</translation>
    </message>
</context>
<context>
    <name>Limpet::RemoteClient</name>
    <message>
        <location filename="../ui/client/remoteclient.cpp" line="+183"/>
        <source>no answer within %1 s</source>
        <translation>nessuna risposta entro %1 s</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>the answer is not the admin API&apos;s JSON: %1</source>
        <translation>la risposta non è il JSON dell&apos;API di amministrazione: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>HTTP %1 %2</source>
        <translation>HTTP %1 %2</translation>
    </message>
    <message>
        <location line="+280"/>
        <source>the event stream sent a line longer than 16 MiB</source>
        <translation>il flusso di eventi ha inviato una riga più lunga di 16 MiB</translation>
    </message>
    <message>
        <location line="+55"/>
        <location line="+9"/>
        <source>the event stream closed</source>
        <translation>il flusso di eventi si è chiuso</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>nothing received for %1 s</source>
        <translation>nulla ricevuto da %1 s</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the event stream broke: %1</source>
        <translation>il flusso di eventi si è interrotto: %1</translation>
    </message>
</context>
<context>
    <name>Limpet::SessionTableModel</name>
    <message>
        <location filename="../ui/sessions/sessiontablemodel.cpp" line="+548"/>
        <source>%1 (rebound)</source>
        <translation>%1 (riassegnata)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 until %2</source>
        <translation>%1 fino alle %2</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Moved to %1 for good by an operator</source>
        <translation>Spostata definitivamente su %1 da un operatore</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pinned to %1 by an operator until %2</source>
        <translation>Fissata su %1 da un operatore fino a %2</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Affinity key</source>
        <translation>Chiave di affinità</translation>
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
        <translation>Primo accesso</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Last seen</source>
        <translation>Ultimo accesso</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Requests</source>
        <translation>Richieste</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pin</source>
        <translation>Fissaggio</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The value that binds the session to its backend</source>
        <translation>Il valore che lega la sessione al suo backend</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Address of the session&apos;s latest request</source>
        <translation>Indirizzo dell&apos;ultima richiesta della sessione</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>When the session&apos;s first request arrived</source>
        <translation>Quando è arrivata la prima richiesta della sessione</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>When the session&apos;s latest request arrived</source>
        <translation>Quando è arrivata l&apos;ultima richiesta della sessione</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Requests of the session so far</source>
        <translation>Richieste della sessione finora</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>An operator&apos;s pin (until a time) or rebind (for good)</source>
        <translation>Un fissaggio da parte di un operatore (fino a un orario) o una riassegnazione (definitiva)</translation>
    </message>
</context>
<context>
    <name>Limpet::SessionsView</name>
    <message>
        <location filename="../ui/sessions/sessionsview.cpp" line="+52"/>
        <source>&amp;Trace this session</source>
        <translation>&amp;Traccia questa sessione</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Pin to backend…</source>
        <translation>&amp;Fissa su un backend…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Forget…</source>
        <translation>&amp;Dimentica…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Filter by affinity key or client address</source>
        <translation>Filtra per chiave di affinità o indirizzo del client</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Show the sessions bound to one backend</source>
        <translation>Mostra le sessioni legate a un backend</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>All backends</source>
        <translation>Tutti i backend</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Show the sessions whose latest request is that recent</source>
        <translation>Mostra le sessioni la cui ultima richiesta è così recente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seen any time</source>
        <translation>Viste in qualsiasi momento</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seen in the last minute</source>
        <translation>Viste nell&apos;ultimo minuto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seen in the last 5 minutes</source>
        <translation>Viste negli ultimi 5 minuti</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seen in the last hour</source>
        <translation>Viste nell&apos;ultima ora</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Show the decisions made for this session&apos;s requests</source>
        <translation>Mostra le decisioni prese per le richieste di questa sessione</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Send this session to another backend for a while or for good</source>
        <translation>Invia questa sessione a un altro backend per un certo tempo o definitivamente</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Drop this session&apos;s binding: its next request is balanced anew</source>
        <translation>Elimina il legame di questa sessione: la sua prossima richiesta viene bilanciata di nuovo</translation>
    </message>
    <message numerus="yes">
        <location line="+97"/>
        <source>%Ln session(s) (showing %1)</source>
        <translation>
            <numerusform>%Ln sessione (%1 mostrate)</numerusform>
            <numerusform>%Ln sessioni (%1 mostrate)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>— %Ln more not sent by the instance</source>
        <translation>
            <numerusform>— %Ln in più non inviata dall’istanza</numerusform>
            <numerusform>— %Ln in più non inviate dall’istanza</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A remote instance sends its whole table only up to 200,000 sessions. The others show here once they change; `limpet ctl sessions` on the instance lists them all.</source>
        <translation>Un’istanza remota invia la tabella intera solo fino a 200.000 sessioni. Le altre compaiono qui appena cambiano; `limpet ctl sessions` sull’istanza le elenca tutte.</translation>
    </message>
    <message>
        <location line="+96"/>
        <source>Forget session</source>
        <translation>Dimentica sessione</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Forget session %1 of pool %2?</source>
        <translation>Dimenticare la sessione %1 del pool %2?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Its binding to %1 is dropped: its next request is balanced as a new session, and may go to another backend.</source>
        <translation>Il suo legame con %1 viene eliminato: la sua prossima richiesta viene bilanciata come una nuova sessione, e può andare su un altro backend.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Forget</source>
        <translation>Dimentica</translation>
    </message>
</context>
<context>
    <name>Limpet::TokenStore</name>
    <message>
        <location filename="../ui/tokenstore.cpp" line="+30"/>
        <source>no keychain is available</source>
        <translation>nessun portachiavi disponibile</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the keychain failed</source>
        <translation>errore del portachiavi</translation>
    </message>
</context>
<context>
    <name>Limpet::TraceModel</name>
    <message>
        <location filename="../ui/tracing/tracemodel.cpp" line="+40"/>
        <source>drained past deadline</source>
        <translation>drain oltre la scadenza</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>backend down or in maintenance</source>
        <translation>backend down o in manutenzione</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cookie missing</source>
        <translation>cookie mancante</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cookie tampered</source>
        <translation>cookie manomesso</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cookie expired</source>
        <translation>cookie scaduto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cookie unreadable</source>
        <translation>cookie illeggibile</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cookie names a backend that is gone</source>
        <translation>il cookie indica un backend che non esiste più</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>backend refused the connection</source>
        <translation>il backend ha rifiutato la connessione</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>back from standby to a ready backend</source>
        <translation>ritorno da standby a un backend ready</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no ready backend: a standby one took it</source>
        <translation>nessun backend ready: l&apos;ha presa uno in standby</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>rebound by an operator</source>
        <translation>riassegnata da un operatore</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>pinned by an operator</source>
        <translation>fissata da un operatore</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>route missing</source>
        <translation>route mancante</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>application cookie not learnt</source>
        <translation>cookie dell&apos;applicazione non appreso</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>hashed elsewhere: the backends changed</source>
        <translation>hash su un altro backend: i backend sono cambiati</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>hash key missing</source>
        <translation>chiave di hash mancante</translation>
    </message>
    <message>
        <location line="+114"/>
        <location line="+11"/>
        <location line="+1"/>
        <location line="+17"/>
        <location line="+1"/>
        <source>none</source>
        <translation>nessuno</translation>
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
        <translation>La sessione è passata da %1 a %2: %3 (%4).</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>The affinity value the client sent (key_seen)</source>
        <translation>Il valore di affinità inviato dal client (key_seen)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The reason code of the decision (engine/README.md)</source>
        <translation>Il codice motivo della decisione (engine/README.md)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Time to the end of the response</source>
        <translation>Tempo fino alla fine della risposta</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The Set-Cookie Limpet added to the response</source>
        <translation>Il Set-Cookie aggiunto da Limpet alla risposta</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Where the session was before, and why it moved</source>
        <translation>Dove si trovava prima la sessione, e perché si è spostata</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Time</source>
        <translation>Ora</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Method</source>
        <translation>Metodo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Path</source>
        <translation>Percorso</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cookie in</source>
        <translation>Cookie in ingresso</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Backend</source>
        <translation>Backend</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status</source>
        <translation>Stato</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Latency</source>
        <translation>Latenza</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Set-Cookie out</source>
        <translation>Set-Cookie in uscita</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Backend change</source>
        <translation>Cambio di backend</translation>
    </message>
</context>
<context>
    <name>Limpet::TraceView</name>
    <message>
        <location filename="../ui/tracing/traceview.cpp" line="+66"/>
        <source>&amp;Trace</source>
        <translation>&amp;Traccia</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Pause</source>
        <translation>&amp;Pausa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Export JSON…</source>
        <translation>&amp;Esporta JSON…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Session key</source>
        <translation>Chiave di sessione</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Client address</source>
        <translation>Indirizzo del client</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>3f9a0c1d-app1-77b2e410 or 192.0.2.10</source>
        <translation>3f9a0c1d-app1-77b2e410 o 192.0.2.10</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Hold new requests so the table stays still while you read</source>
        <translation>Trattieni le nuove richieste così la tabella resta ferma mentre leggi</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save the trace as a JSON array of decisions</source>
        <translation>Salva la traccia come array JSON di decisioni</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Select a request to see its decision</source>
        <translation>Seleziona una richiesta per vederne la decisione</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Stickiness breaks, whole instance</source>
        <translation>Rotture della persistenza, intera istanza</translation>
    </message>
    <message>
        <location line="+192"/>
        <source>none</source>
        <translation>nessuno</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 %2 from %3, pool %4 (mode %5)</source>
        <translation>%1 %2 da %3, pool %4 (modalità %5)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cookie seen: %1</source>
        <translation>Cookie visto: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Decoded: %1</source>
        <translation>Decodificato: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason: %1%2</source>
        <translation>Motivo: %1%2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Backend: %1%2</source>
        <translation>Backend: %1%2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> (balanced by %1)</source>
        <translation> (bilanciato da %1)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Backend change: %1 → %2, %3 (%4)</source>
        <translation>Cambio di backend: %1 → %2, %3 (%4)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Key in force: %1</source>
        <translation>Chiave in vigore: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Set-Cookie: %1</source>
        <translation>Set-Cookie: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status %1 in %2 ms</source>
        <translation>Stato %1 in %2 ms</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n byte(s)</source>
        <translation>
            <numerusform>%n byte</numerusform>
            <numerusform>%n byte</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n retry(-ies)</source>
        <translation>
            <numerusform>%n tentativo ripetuto</numerusform>
            <numerusform>%n tentativi ripetuti</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+31"/>
        <source>%n break(s)</source>
        <translation>
            <numerusform>%n rottura</numerusform>
            <numerusform>%n rotture</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n decision(s)</source>
        <translation>
            <numerusform>%n decisione</numerusform>
            <numerusform>%n decisioni</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 in %2 since this view opened</source>
        <extracomment>%1: &quot;3 breaks&quot;, %2: &quot;1200 decisions&quot;</extracomment>
        <translation>%1 su %2 da quando questa vista è aperta</translation>
    </message>
    <message>
        <location line="-28"/>
        <source>Pick a session key or a client address, then Trace.</source>
        <translation>Scegli una chiave di sessione o un indirizzo client, poi Traccia.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Client %1</source>
        <translation>Client %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Session %1</source>
        <translation>Sessione %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: no instance is connected.</source>
        <translation>%1: nessuna istanza connessa.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: asking the instance for its history…</source>
        <translation>%1: richiesta della cronologia all&apos;istanza…</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%1: %n request(s)</source>
        <translation>
            <numerusform>%1: %n richiesta</numerusform>
            <numerusform>%1: %n richieste</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n backend change(s)</source>
        <translation>
            <numerusform>%n cambio di backend</numerusform>
            <numerusform>%n cambi di backend</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>paused, %n new request(s) held</source>
        <translation>
            <numerusform>in pausa, %n nuova richiesta trattenuta</numerusform>
            <numerusform>in pausa, %n nuove richieste trattenute</numerusform>
        </translation>
    </message>
    <message>
        <location line="+35"/>
        <location line="+6"/>
        <source>Export trace</source>
        <translation>Esporta traccia</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>JSON files (*.json)</source>
        <translation>File JSON (*.json)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The trace could not be written to %1: %2</source>
        <translation>Impossibile scrivere la traccia in %1: %2</translation>
    </message>
</context>
</TS>
