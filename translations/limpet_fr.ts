<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>Limpet::AddBackendDialog</name>
    <message>
        <location filename="../ui/cluster/addbackenddialog.cpp" line="+33"/>
        <source>Add backend</source>
        <translation>Ajouter un backend</translation>
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
        <translation>IP:PORT, ou [IPv6]:PORT</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the name</source>
        <translation>le nom</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The name that identifies this backend inside an affinity key</source>
        <translation>Le nom qui identifie ce backend dans une clé d&apos;affinité</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Pool:</source>
        <translation>&amp;Pool&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Name:</source>
        <translation>&amp;Nom&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Address:</source>
        <translation>A&amp;dresse&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Route:</source>
        <translation>&amp;Route&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Weight:</source>
        <translation>Poid&amp;s&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;State:</source>
        <translation>&amp;État&#xa0;:</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Add it to the same pool on all %n instances</source>
        <translation>
            <numerusform>L&apos;ajouter au même pool sur %n instance</numerusform>
            <numerusform>L&apos;ajouter au même pool sur les %n instances</numerusform>
        </translation>
    </message>
    <message>
        <location line="+40"/>
        <source>This instance has no pool.</source>
        <translation>Cette instance n&apos;a aucun pool.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Enter the backend&apos;s name.</source>
        <translation>Saisissez le nom du backend.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pool %1 already has a backend named %2.</source>
        <translation>Le pool %1 a déjà un backend nommé %2.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Enter the backend&apos;s address as IP:PORT.</source>
        <translation>Saisissez l&apos;adresse du backend sous la forme IP:PORT.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 is not an address: expected IP:PORT, e.g. 127.0.0.1:9104.</source>
        <translation>%1 n&apos;est pas une adresse&#xa0;: IP:PORT attendu, par ex. 127.0.0.1:9104.</translation>
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
        <translation>en cours de retrait</translation>
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
        <translation>%1 · aucun contrôle</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 · not checked yet</source>
        <translation>%1 · pas encore contrôlé</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+4"/>
        <source>%1 · %2 in %3</source>
        <translation>%1 · %2 en %3</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>%1 · connected in %2</source>
        <translation>%1 · connecté en %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>failed</source>
        <translation>échec</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>drained in %1</source>
        <translation>drain terminé dans %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>draining</source>
        <translation>drain en cours</translation>
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
        <translation>%1 (slow start&#xa0;: %2)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 + %2 queued</source>
        <translation>%1 + %2 en file d&apos;attente</translation>
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
        <translation>%1 depuis le %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Last %1 check at %2</source>
        <translation>Dernier contrôle %1 à %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Sessions leave at %1 per second; none will be left in %2</source>
        <translation>Les sessions partent au rythme de %1 par seconde&#xa0;; il n&apos;en restera aucune dans %2</translation>
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
        <translation>État</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Health</source>
        <translation>Santé</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Weight</source>
        <translation>Poids</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Active</source>
        <translation>Actives</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Req/s</source>
        <translation>Req/s</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Requests</source>
        <translation>Requêtes</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sessions</source>
        <translation>Sessions</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Errors</source>
        <translation>Erreurs</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The name that identifies this backend inside an affinity key</source>
        <translation>Le nom qui identifie ce backend dans une clé d&apos;affinité</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What an operator decided: ready, drain (existing sessions only), maint (nothing), standby (only when no ready backend is left)</source>
        <translation>Ce qu&apos;un opérateur a décidé&#xa0;: ready, drain (sessions existantes uniquement), maint (rien), standby (uniquement quand il ne reste aucun backend ready)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>What health checks observed, and the last check&apos;s result and latency</source>
        <translation>Ce qu&apos;ont observé les contrôles de santé, avec le résultat et la latence du dernier contrôle</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Share of new sessions balanced to this backend (0–1000)</source>
        <translation>Part des nouvelles sessions réparties vers ce backend (0–1000)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Requests in flight on this backend now (and waiting for a max_conn slot)</source>
        <translation>Requêtes en cours sur ce backend (et en attente d&apos;un emplacement max_conn)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Requests per second over the last few seconds</source>
        <translation>Requêtes par seconde sur les dernières secondes</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Requests sent to this backend since start</source>
        <translation>Requêtes envoyées à ce backend depuis le démarrage</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sessions bound to this backend in the session table; while draining, when none will be left at the current leave rate</source>
        <translation>Sessions liées à ce backend dans la table des sessions&#xa0;; pendant le drain, le moment où il n&apos;en restera aucune au rythme de départ actuel</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Share of the last few seconds&apos; responses that were 5xx or never came</source>
        <translation>Part des réponses des dernières secondes qui étaient des 5xx ou ne sont jamais arrivées</translation>
    </message>
</context>
<context>
    <name>Limpet::BreakCountModel</name>
    <message>
        <location filename="../ui/tracing/breakcountmodel.cpp" line="+102"/>
        <source>Reason code %1</source>
        <translation>Code motif %1</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Cause</source>
        <translation>Cause</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Breaks</source>
        <translation>Ruptures</translation>
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
        <translation>En pause&#xa0;: les données continuent d&apos;être collectées.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Requests per second (stacked)</source>
        <translation>Requêtes par seconde (empilées)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Response time (ms): p50 solid, p99 dashed</source>
        <translation>Temps de réponse (ms)&#xa0;: p50 en trait plein, p99 en pointillés</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Errors (% of responses: 5xx or none)</source>
        <translation>Erreurs (% des réponses&#xa0;: 5xx ou aucune)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Bound sessions</source>
        <translation>Sessions liées</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+313"/>
        <source>req/s</source>
        <translation>req/s</translation>
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
        <translation>sessions</translation>
    </message>
    <message>
        <location line="-302"/>
        <source>Keep the charts still while you read them (Space)</source>
        <translation>Figer les graphiques pendant la lecture (Espace)</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Resume</source>
        <translation>Reprendre</translation>
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
        <translation>% d&apos;erreurs</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 at %2: no data</source>
        <translation>%1 à %2&#xa0;: aucune donnée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 at %2: %3 %4</source>
        <translation>%1 à %2&#xa0;: %3 %4</translation>
    </message>
</context>
<context>
    <name>Limpet::ClusterTreeModel</name>
    <message>
        <location filename="../ui/cluster/clustertreemodel.cpp" line="+272"/>
        <source>connecting…</source>
        <translation>connexion…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>disconnected: %1</source>
        <translation>déconnecté&#xa0;: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n session(s)</source>
        <translation>
            <numerusform>%n session</numerusform>
            <numerusform>%n sessions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%1 · %2 · %n backend(s)</source>
        <translation>
            <numerusform>%1 · %2 · %n backend</numerusform>
            <numerusform>%1 · %2 · %n backends</numerusform>
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
À l&apos;écoute sur %2 · Limpet %3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Pool %1: affinity mode %2, balancing algorithm %3</source>
        <translation>Pool %1&#xa0;: mode d&apos;affinité %2, algorithme d&apos;équilibrage %3</translation>
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
        <translation>Instance</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status</source>
        <translation>Statut</translation>
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
        <translation>Drain&#xa0;: les backends sélectionnés gardent leurs sessions et n&apos;en acceptent plus de nouvelles</translation>
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
        <translation>Ready&#xa0;: les backends sélectionnés acceptent de nouvelles sessions</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Maintenance…</source>
        <translation>&amp;Maintenance…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+M</source>
        <translation>Ctrl+M</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Maintenance: the selected backends take nothing; their sessions move elsewhere</source>
        <translation>Maintenance&#xa0;: les backends sélectionnés n&apos;acceptent plus rien&#xa0;; leurs sessions partent ailleurs</translation>
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
        <translation>Standby&#xa0;: les backends sélectionnés ne reçoivent des requêtes que lorsqu&apos;il ne reste aucun backend ready</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Set &amp;weight…</source>
        <translation>Définir le &amp;poids…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+Shift+W</source>
        <translation>Ctrl+Shift+W</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Set the weight of the selected backends</source>
        <translation>Définir le poids des backends sélectionnés</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Add backend…</source>
        <translation>&amp;Ajouter un backend…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+N</source>
        <translation>Ctrl+N</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add a backend to a pool of this instance</source>
        <translation>Ajouter un backend à un pool de cette instance</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rem&amp;ove…</source>
        <translation>Re&amp;tirer…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove the selected backends from their pool</source>
        <translation>Retirer les backends sélectionnés de leur pool</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Backend</source>
        <translation>Backend</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>&amp;Copy rows</source>
        <translation>&amp;Copier les lignes</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Filter backends: name, address, route or state</source>
        <translation>Filtrer les backends&#xa0;: nom, adresse, route ou état</translation>
    </message>
    <message numerus="yes">
        <location line="+245"/>
        <source>Apply to all %n instances</source>
        <translation>
            <numerusform>Appliquer à %n instance</numerusform>
            <numerusform>Appliquer aux %n instances</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Do the same on every connected instance that has the same pool and backend</source>
        <translation>Faire de même sur chaque instance connectée qui a le même pool et le même backend</translation>
    </message>
    <message>
        <location line="+36"/>
        <location line="+14"/>
        <source>Maintenance</source>
        <translation>Maintenance</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>Put %1 in maintenance?</source>
        <translation>Mettre %1 en maintenance&#xa0;?</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Put %n backends in maintenance?</source>
        <translation>
            <numerusform>Mettre %n backend en maintenance&#xa0;?</numerusform>
            <numerusform>Mettre %n backends en maintenance&#xa0;?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Maintenance takes %1 out of service: it gets no request, and the %n session(s) bound to it move to other backends.</source>
        <translation>
            <numerusform>La maintenance met %1 hors service&#xa0;: il ne reçoit plus aucune requête, et %n session qui lui est liée part vers d&apos;autres backends.</numerusform>
            <numerusform>La maintenance met %1 hors service&#xa0;: il ne reçoit plus aucune requête, et les %n sessions qui lui sont liées partent vers d&apos;autres backends.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>Maintenance takes %1 out of service: they get no request, and the %n session(s) bound to them move to other backends.</source>
        <translation>
            <numerusform>La maintenance met %1 hors service&#xa0;: ils ne reçoivent plus aucune requête, et %n session qui leur est liée part vers d&apos;autres backends.</numerusform>
            <numerusform>La maintenance met %1 hors service&#xa0;: ils ne reçoivent plus aucune requête, et les %n sessions qui leur sont liées partent vers d&apos;autres backends.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+18"/>
        <source>%1 → %2 requested on %3</source>
        <translation>%1 → %2 demandé sur %3</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Set weight</source>
        <translation>Définir le poids</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Weight of %1 (0–1000; 0 takes no new session):</source>
        <translation>Poids de %1 (0–1000&#xa0;; à 0, il ne prend aucune nouvelle session)&#xa0;:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Weight %1 requested for %2 on %3</source>
        <translation>Poids %1 demandé pour %2 sur %3</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Adding %1 (%2) to pool %3 on %4</source>
        <translation>Ajout de %1 (%2) au pool %3 sur %4</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Remove backend</source>
        <translation>Retirer le backend</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove %1 from pool %2?</source>
        <translation>Retirer %1 du pool %2&#xa0;?</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Remove %n backends (%1)?</source>
        <translation>
            <numerusform>Retirer %n backend (%1)&#xa0;?</numerusform>
            <numerusform>Retirer %n backends (%1)&#xa0;?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Removed when drained: no new session goes there, and it leaves once no session is bound to it and no request is in flight (%n session(s) now).
Removed at once: it leaves now; requests in flight finish, and its sessions move to other backends.</source>
        <translation>
            <numerusform>Retrait après le drain&#xa0;: aucune nouvelle session n&apos;y va, et il part dès qu&apos;aucune session ne lui est liée et qu&apos;aucune requête n&apos;est en cours (%n session actuellement).
Retrait immédiat&#xa0;: il part tout de suite&#xa0;; les requêtes en cours se terminent, et ses sessions partent vers d&apos;autres backends.</numerusform>
            <numerusform>Retrait après le drain&#xa0;: aucune nouvelle session n&apos;y va, et il part dès qu&apos;aucune session ne lui est liée et qu&apos;aucune requête n&apos;est en cours (%n sessions actuellement).
Retrait immédiat&#xa0;: il part tout de suite&#xa0;; les requêtes en cours se terminent, et ses sessions partent vers d&apos;autres backends.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Remove when drained</source>
        <translation>Retirer après le drain</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove at once (force)</source>
        <translation>Retirer immédiatement (forcer)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Removing %1 at once on %2</source>
        <translation>Retrait immédiat de %1 sur %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Removing %1 once drained on %2</source>
        <translation>Retrait de %1 sur %2 après le drain</translation>
    </message>
</context>
<context>
    <name>Limpet::ConfigView</name>
    <message>
        <location filename="../ui/config/configview.cpp" line="+22"/>
        <source>Refre&amp;sh</source>
        <translation>Actuali&amp;ser</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Reload config</source>
        <translation>&amp;Recharger la configuration</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Show the config this instance runs now</source>
        <translation>Afficher la configuration qu&apos;applique cette instance en ce moment</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+122"/>
        <source>Make the instance re-read its config file and apply it without dropping a connection</source>
        <translation>Faire relire à l&apos;instance son fichier de configuration et l&apos;appliquer sans couper aucune connexion</translation>
    </message>
    <message>
        <location line="-115"/>
        <source>Errors in the file on disk; the config shown below still runs</source>
        <translation>Erreurs dans le fichier sur disque&#xa0;; la configuration affichée ci-dessous reste en vigueur</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No instance selected</source>
        <translation>Aucune instance sélectionnée</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Reloading %1…</source>
        <translation>Rechargement de %1…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>No config file: this instance runs the built-in demo</source>
        <translation>Aucun fichier de configuration&#xa0;: cette instance exécute la démo intégrée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Config file: %1</source>
        <translation>Fichier de configuration&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Reloaded.</source>
        <translation>Rechargée.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Reload refused: %1</source>
        <translation>Rechargement refusé&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>This instance has no config file to reload</source>
        <translation>Cette instance n&apos;a aucun fichier de configuration à recharger</translation>
    </message>
</context>
<context>
    <name>Limpet::ConnectDialog</name>
    <message>
        <location filename="../ui/connectdialog.cpp" line="+28"/>
        <source>&amp;Remember token</source>
        <translation>&amp;Mémoriser le jeton</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remember the token in the settings &amp;file (plain text)</source>
        <translation>Mémoriser le jeton dans le &amp;fichier de paramètres (texte en clair)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Connect to instance</source>
        <translation>Se connecter à une instance</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>http://10.0.0.5:9090</source>
        <translation>http://10.0.0.5:9090</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The admin API of a running limpet ([admin] bind)</source>
        <translation>L&apos;API d&apos;administration d&apos;un limpet en cours d&apos;exécution ([admin] bind)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The instance&apos;s [admin] token, if it has one</source>
        <translation>Le jeton [admin] de l&apos;instance, si elle en a un</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Keep the token for this URL in the system keychain, and fill it in next time. Unticked, connecting forgets a token kept before.</source>
        <translation>Conserver le jeton de cette URL dans le trousseau du système, et le remplir la prochaine fois. Case décochée, la connexion oublie un jeton conservé auparavant.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Only when no system keychain is available (no Secret Service, KWallet, macOS Keychain or Windows Credential Manager): the token is then written unencrypted to %1, where anyone who can read that file can read it. Unticked, the token is kept nowhere when there is no keychain.</source>
        <translation>Seulement quand aucun trousseau système n&apos;est disponible (ni Secret Service, ni KWallet, ni trousseau macOS, ni gestionnaire d&apos;identification Windows)&#xa0;: le jeton est alors écrit en clair dans %1, où quiconque peut lire ce fichier peut le lire. Case décochée, le jeton n&apos;est conservé nulle part quand il n&apos;y a pas de trousseau.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>C&amp;onnect</source>
        <translation>Se &amp;connecter</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;URL:</source>
        <translation>&amp;URL&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Token:</source>
        <translation>&amp;Jeton&#xa0;:</translation>
    </message>
    <message>
        <location line="+72"/>
        <source>Token filled in from the settings file (plain text).</source>
        <translation>Jeton rempli depuis le fichier de paramètres (texte en clair).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Token filled in from the keychain.</source>
        <translation>Jeton rempli depuis le trousseau.</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>%1 is not an admin API address: expected http://HOST:PORT.</source>
        <translation>%1 n&apos;est pas une adresse d&apos;API d&apos;administration&#xa0;: http://HÔTE:PORT attendu.</translation>
    </message>
</context>
<context>
    <name>Limpet::CookieFormats</name>
    <message>
        <location filename="../ui/inspector/cookieformats.cpp" line="+344"/>
        <source>route %1 between random hex</source>
        <translation>route %1 entre des chiffres hexadécimaux aléatoires</translation>
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
        <translation>SHA-1 de %1</translation>
    </message>
    <message>
        <location line="-302"/>
        <source>SHA-1 of the salt and a backend&apos;s address: the instance knows which</source>
        <translation>SHA-1 du sel et de l&apos;adresse d&apos;un backend&#xa0;: l&apos;instance sait lequel</translation>
    </message>
    <message>
        <location line="+183"/>
        <source>not a value Limpet issues: treated as absent (cookie-malformed)</source>
        <translation>pas une valeur émise par Limpet&#xa0;: traitée comme absente (cookie-malformed)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>route %1, application value %2</source>
        <translation>route %1, valeur de l&apos;application %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no route prefix yet: the backend&apos;s own value (cookie-malformed)</source>
        <translation>pas encore de préfixe de route&#xa0;: la valeur propre du backend (cookie-malformed)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>route %1, session value %2</source>
        <translation>route %1, valeur de session %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no route after the separator (route-absent)</source>
        <translation>aucune route après le séparateur (route-absent)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>the application&apos;s session: pool %1 learnt its backend from the response that set it</source>
        <translation>la session de l&apos;application&#xa0;: le pool %1 a appris son backend de la réponse qui l&apos;a définie</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>a backend&apos;s address in clear</source>
        <translation>l&apos;adresse d&apos;un backend en clair</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>server URL %1</source>
        <translation>URL du serveur %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>base64 of %1</source>
        <translation>base64 de %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>MD5 of %1</source>
        <translation>MD5 de %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>MD5 of a backend&apos;s address: matches none known here</source>
        <translation>MD5 de l&apos;adresse d&apos;un backend&#xa0;: ne correspond à aucun backend connu ici</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>SHA-1 of a salt and a backend&apos;s address: matches none known here</source>
        <translation>SHA-1 d&apos;un sel et de l&apos;adresse d&apos;un backend&#xa0;: ne correspond à aucun backend connu ici</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>hash of the server URL http://%1</source>
        <translation>hachage de l&apos;URL du serveur http://%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>hash of the server URL: matches none known here</source>
        <translation>hachage de l&apos;URL du serveur&#xa0;: ne correspond à aucun backend connu ici</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>server %1, application value %2</source>
        <translation>serveur %1, valeur de l&apos;application %2</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>route %1 after the last &apos;.&apos;</source>
        <translation>route %1 après le dernier «&#xa0;.&#xa0;»</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>(quoted: mod_proxy_balancer reads the route as %1&quot; with the closing quote)</source>
        <translation>(entre guillemets&#xa0;: mod_proxy_balancer lit la route comme %1&quot; avec le guillemet fermant)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>server %1</source>
        <translation>serveur %1</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>%1: SameSite=None without Secure. Browsers reject such a cookie, so every request comes without it and is balanced as a new session.</source>
        <translation>%1&#xa0;: SameSite=None sans Secure. Les navigateurs rejettent un tel cookie&#xa0;: chaque requête arrive donc sans lui et est répartie comme une nouvelle session.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1: Path=%2 is narrower than %3. The browser sends the cookie back only under %2, so requests elsewhere in %3 lose their backend.</source>
        <translation>%1&#xa0;: Path=%2 est plus restreint que %3. Le navigateur ne renvoie le cookie que sous %2&#xa0;: les requêtes ailleurs dans %3 perdent donc leur backend.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1: Domain=%2 does not match the host %3. The browser rejects the cookie, so no session is ever kept.</source>
        <translation>%1&#xa0;: Domain=%2 ne correspond pas à l&apos;hôte %3. Le navigateur rejette le cookie&#xa0;: aucune session n&apos;est donc jamais conservée.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1: the value shows the internal address %2. Every client learns it, and the session breaks as soon as that backend&apos;s address changes.</source>
        <translation>%1&#xa0;: la valeur révèle l&apos;adresse interne %2. Chaque client l&apos;apprend, et la session est rompue dès que l&apos;adresse de ce backend change.</translation>
    </message>
    <message>
        <location line="+110"/>
        <source>Limpet insert (masked)</source>
        <translation>Limpet insert (masqué)</translation>
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
        <translation>Limpet insert (illisible)</translation>
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
        <translation>Limpet learn (cookie de l&apos;application)</translation>
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
        <translation>module nginx sticky (MD5)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Traefik (server URL)</source>
        <translation>Traefik (URL du serveur)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Traefik (hashed server URL)</source>
        <translation>Traefik (URL du serveur hachée)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Envoy stateful session (base64 address)</source>
        <translation>Envoy stateful session (adresse en base64)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Perlbal SessionAffinity (SHA-1)</source>
        <translation>Perlbal SessionAffinity (SHA-1)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Backend address</source>
        <translation>Adresse du backend</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>signed — checked by the instance (dry run below)</source>
        <translation>signé — vérifié par l&apos;instance (simulation ci-dessous)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not signed</source>
        <translation>non signé</translation>
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
            <numerusform>%n jour</numerusform>
            <numerusform>%n jours</numerusform>
        </translation>
    </message>
    <message>
        <location line="+11"/>
        <source>dated %1 ahead: the instance treats it as expired</source>
        <translation>daté de %1 dans le futur&#xa0;: l&apos;instance le considère comme expiré</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>issued %1 ago, last used %2 ago (maxidle/maxlife dates)</source>
        <translation>émis il y a %1, utilisé pour la dernière fois il y a %2 (dates maxidle/maxlife)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>deletes the cookie (Max-Age=%1)</source>
        <translation>supprime le cookie (Max-Age=%1)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>expires in %1 (Max-Age=%2)</source>
        <translation>expire dans %1 (Max-Age=%2)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>expired %1 ago (%2): deletes the cookie</source>
        <translation>expiré il y a %1 (%2)&#xa0;: supprime le cookie</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>expires in %1 (%2)</source>
        <translation>expire dans %1 (%2)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>session cookie: until the browser closes</source>
        <translation>cookie de session&#xa0;: jusqu&apos;à la fermeture du navigateur</translation>
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
        <translation>oui</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>no</source>
        <translation>non</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>not a balancer cookie</source>
        <translation>pas un cookie de répartition de charge</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%1 (or %n more)</source>
        <translation>
            <numerusform>%1 (ou %n autre)</numerusform>
            <numerusform>%1 (ou %n autres)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+28"/>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>An HMAC-SHA256 of the value: only the instance holds the secret to check it. The dry run below says whether it passes (cookie-invalid-signature if not).</source>
        <translation>Un HMAC-SHA256 de la valeur&#xa0;: seule l&apos;instance détient le secret pour le vérifier. La simulation ci-dessous indique s&apos;il est valide (cookie-invalid-signature sinon).</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>The balancer formats the value fits, most likely first</source>
        <translation>Les formats de répartiteur auxquels correspond la valeur, du plus probable au moins probable</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Limpet insert cookies can carry an HMAC signature (sign = true)</source>
        <translation>Les cookies insert de Limpet peuvent porter une signature HMAC (sign = true)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Limpet&apos;s maxidle/maxlife dates in the value, and the Set-Cookie lifetime</source>
        <translation>Les dates maxidle/maxlife de Limpet dans la valeur, et la durée de vie du Set-Cookie</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>SameSite: when the browser sends the cookie on cross-site requests</source>
        <translation>SameSite&#xa0;: quand le navigateur envoie le cookie lors de requêtes intersites</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Recognised as</source>
        <translation>Reconnu comme</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Decoded</source>
        <translation>Décodé</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Signature</source>
        <translation>Signature</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Age / expiry</source>
        <translation>Âge / expiration</translation>
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
        <translation>Cet ordinateur</translation>
    </message>
</context>
<context>
    <name>Limpet::EmbeddedPoller</name>
    <message>
        <location filename="../ui/client/embeddedpoller.cpp" line="+152"/>
        <location line="+86"/>
        <source>the engine is not running</source>
        <translation>le moteur ne tourne pas</translation>
    </message>
</context>
<context>
    <name>Limpet::InspectorView</name>
    <message>
        <location filename="../ui/inspector/inspectorview.cpp" line="+62"/>
        <source>&amp;Inspect</source>
        <translation>&amp;Inspecter</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Paste a Cookie: header, Set-Cookie: lines or a whole HTTP request, then Inspect (Ctrl+Return)</source>
        <translation>Collez un en-tête Cookie:, des lignes Set-Cookie: ou une requête HTTP entière, puis Inspecter (Ctrl+Entrée)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>www.example.com</source>
        <translation>www.example.com</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The host the browser talks to: Domain attributes are checked against it, and the dry run routes by it</source>
        <translation>L&apos;hôte auquel s&apos;adresse le navigateur&#xa0;: les attributs Domain sont vérifiés par rapport à lui, et la simulation route selon lui</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The application&apos;s path: a cookie Path narrower than this loses the session, and the dry run routes by it</source>
        <translation>Le chemin de l&apos;application&#xa0;: un cookie dont le Path est plus restreint perd la session, et la simulation route selon lui</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Requests the instance served lately: pick one to inspect its cookie</source>
        <translation>Requêtes servies récemment par l&apos;instance&#xa0;: choisissez-en une pour inspecter son cookie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recent requests…</source>
        <translation>Requêtes récentes…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Read the cookies and ask the instance what it would do (Ctrl+Return)</source>
        <translation>Lire les cookies et demander à l&apos;instance ce qu&apos;elle ferait (Ctrl+Entrée)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Inspect</source>
        <translation>Inspecter</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Nothing in these cookies breaks stickiness.</source>
        <translation>Rien dans ces cookies ne rompt la persistance de session.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>H&amp;ost:</source>
        <translation>&amp;Hôte&#xa0;:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Path:</source>
        <translation>&amp;Chemin&#xa0;:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Warnings</source>
        <translation>Avertissements</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>What Limpet would do now</source>
        <translation>Ce que Limpet ferait maintenant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A dry run on the instance: nothing is sent, recorded or counted</source>
        <translation>Une simulation sur l&apos;instance&#xa0;: rien n&apos;est envoyé, enregistré ni compté</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Pool:</source>
        <translation>Pool&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason code:</source>
        <translation>Code motif&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Backend:</source>
        <translation>Backend&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Candidates:</source>
        <translation>Candidats&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Session:</source>
        <translation>Session&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Detail:</source>
        <translation>Détail&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Inspect a cookie to see where the instance would send it.</source>
        <translation>Inspectez un cookie pour voir où l&apos;instance l&apos;enverrait.</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>No instance is connected: the dry run needs one.</source>
        <translation>Aucune instance n&apos;est connectée&#xa0;: la simulation en a besoin d&apos;une.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Asking the instance…</source>
        <translation>Interrogation de l&apos;instance…</translation>
    </message>
    <message>
        <location line="+20"/>
        <location line="+108"/>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <location line="-107"/>
        <source>%1 (mode %2)</source>
        <translation>%1 (mode %2)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>none chosen yet</source>
        <translation>aucun choisi pour l&apos;instant</translation>
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
            <numerusform>sur %1, %n requête, vue pour la dernière fois il y a %2</numerusform>
            <numerusform>sur %1, %n requêtes, vue pour la dernière fois il y a %2</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>pinned to %1 until %2</source>
        <translation>épinglée sur %1 jusqu&apos;à %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>rebound to %1</source>
        <translation>réaffectée à %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>not in the session table</source>
        <translation>absente de la table des sessions</translation>
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
        <translation>Heure</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pool/backend</source>
        <translation>Pool/backend</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>From → to</source>
        <translation>De → à</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Message</source>
        <translation>Message</translation>
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
        <translation>Filtrer les événements&#xa0;: backend, type, état, message…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>All events</source>
        <translation>Tous les événements</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>State changes</source>
        <translation>Changements d&apos;état</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Health</source>
        <translation>Santé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Errors</source>
        <translation>Erreurs</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Errors: a backend going down, a reload refused, an API call with a bad token</source>
        <translation>Erreurs&#xa0;: un backend qui passe down, un rechargement refusé, un appel d&apos;API avec un mauvais jeton</translation>
    </message>
    <message>
        <location line="+76"/>
        <source>No instance selected</source>
        <translation>Aucune instance sélectionnée</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n événement</numerusform>
            <numerusform>%n événements</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%1 of %n event(s)</source>
        <translation>
            <numerusform>%1 sur %n événement</numerusform>
            <numerusform>%1 sur %n événements</numerusform>
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
        <translation>Graphiques</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sessions</source>
        <translation>Sessions</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cookie inspector</source>
        <translation>Inspecteur de cookies</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tracing</source>
        <translation>Traçage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Log</source>
        <translation>Journal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Config</source>
        <translation>Configuration</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Where the selected instance&apos;s listener takes client connections</source>
        <translation>Où le listener de l&apos;instance sélectionnée accepte les connexions des clients</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Client connections open now</source>
        <translation>Connexions clientes ouvertes en ce moment</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sessions in the session table</source>
        <translation>Sessions dans la table des sessions</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+185"/>
        <source>The connection to the selected instance</source>
        <translation>La connexion à l&apos;instance sélectionnée</translation>
    </message>
    <message>
        <location line="-156"/>
        <source>The token for %1 is kept in the keychain.</source>
        <translation>Le jeton de %1 est conservé dans le trousseau.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No keychain (%1): the token for %2 is kept in the settings file, as plain text.</source>
        <translation>Pas de trousseau (%1)&#xa0;: le jeton de %2 est conservé en clair dans le fichier de paramètres.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No keychain (%1): the token for %2 is not kept.</source>
        <translation>Pas de trousseau (%1)&#xa0;: le jeton de %2 n&apos;est pas conservé.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The keychain may still hold the token for %1: %2</source>
        <translation>Le trousseau contient peut-être encore le jeton de %1&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Connect to instance…</source>
        <translation>Se &amp;connecter à une instance…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ctrl+Shift+O</source>
        <translation>Ctrl+Shift+O</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
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
        <translation>Aid&amp;e</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About Limpet</source>
        <translation>À &amp;propos de Limpet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>About &amp;Qt</source>
        <translation>À propos de &amp;Qt</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Limpet — %1</source>
        <translation>Limpet — %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No instance</source>
        <translation>Aucune instance</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Listener unknown</source>
        <translation>Listener inconnu</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Listening on %1</source>
        <translation>À l&apos;écoute sur %1</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n open connection(s)</source>
        <translation>
            <numerusform>%n connexion ouverte</numerusform>
            <numerusform>%n connexions ouvertes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n session(s)</source>
        <translation>
            <numerusform>%n session</numerusform>
            <numerusform>%n sessions</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Connected</source>
        <translation>Connecté</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Embedded engine</source>
        <translation>Moteur intégré</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Connecting…</source>
        <translation>Connexion…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Disconnected</source>
        <translation>Déconnecté</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Disconnected: %1</source>
        <translation>Déconnecté&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 on %2: done</source>
        <translation>%1 sur %2&#xa0;: terminé</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 on %2 refused: %3</source>
        <translation>%1 sur %2 refusé&#xa0;: %3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 on %2: %3</source>
        <translation>%1 sur %2&#xa0;: %3</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Operation refused</source>
        <translation>Opération refusée</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>About Limpet</source>
        <translation>À propos de Limpet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;h3&gt;Limpet %1&lt;/h3&gt;&lt;p&gt;A cluster manager with an embedded sticky-session HTTP load balancer.&lt;/p&gt;&lt;p&gt;Built with Qt %2.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Limpet %1&lt;/h3&gt;&lt;p&gt;Un gestionnaire de cluster avec un répartiteur de charge HTTP intégré à sessions persistantes.&lt;/p&gt;&lt;p&gt;Compilé avec Qt %2.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>Limpet::OperationText</name>
    <message>
        <location filename="../ui/client/operationtext.cpp" line="+24"/>
        <source>Ready %1/%2</source>
        <translation>%1/%2 en ready</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Drain %1/%2</source>
        <translation>%1/%2 en drain</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Maintenance %1/%2</source>
        <translation>%1/%2 en maintenance</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Standby %1/%2</source>
        <translation>%1/%2 en standby</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Set the state of %1/%2</source>
        <translation>Définir l&apos;état de %1/%2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Weight %1/%2 = %3</source>
        <translation>Poids %1/%2 = %3</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Add %1/%2 (%3)</source>
        <translation>Ajouter %1/%2 (%3)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Remove %1/%2 now</source>
        <translation>Retirer %1/%2 immédiatement</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove %1/%2 after it drains</source>
        <translation>Retirer %1/%2 après le drain</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Forget session %1 of %2</source>
        <translation>Oublier la session %1 de %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Pin session %1 of %2 to %3 for %4 s</source>
        <translation>Épingler la session %1 de %2 sur %3 pendant %4 s</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Rebind session %1 of %2 to %3</source>
        <translation>Réaffecter la session %1 de %2 à %3</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Inspect</source>
        <translation>Inspecter</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Trace session %1</source>
        <translation>Tracer la session %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Trace client %1</source>
        <translation>Tracer le client %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Read the configuration</source>
        <translation>Lire la configuration</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Read the session table</source>
        <translation>Lire la table des sessions</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Reload the configuration</source>
        <translation>Recharger la configuration</translation>
    </message>
</context>
<context>
    <name>Limpet::PinDialog</name>
    <message>
        <location filename="../ui/sessions/pindialog.cpp" line="+28"/>
        <source>For good (rebind)</source>
        <translation>Définitivement (réaffecter)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pin session</source>
        <translation>Épingler la session</translation>
    </message>
    <message>
        <location line="+7"/>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Move the session to this backend for good instead of for a while; insert mode re-issues its cookie</source>
        <translation>Déplacer la session vers ce backend définitivement plutôt que pour un temps&#xa0;; le mode insert réémet son cookie</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Send the requests of session %1 to another backend of its pool.</source>
        <translation>Envoyer les requêtes de la session %1 vers un autre backend de son pool.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Backend:</source>
        <translation>&amp;Backend&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;For:</source>
        <translation>&amp;Durée&#xa0;:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Pin</source>
        <translation>Épingler</translation>
    </message>
</context>
<context>
    <name>Limpet::RemoteClient</name>
    <message>
        <location filename="../ui/client/remoteclient.cpp" line="+183"/>
        <source>no answer within %1 s</source>
        <translation>aucune réponse en %1 s</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>the answer is not the admin API&apos;s JSON: %1</source>
        <translation>la réponse n&apos;est pas le JSON de l&apos;API d&apos;administration&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>HTTP %1 %2</source>
        <translation>HTTP %1 %2</translation>
    </message>
    <message>
        <location line="+280"/>
        <source>the event stream sent a line longer than 16 MiB</source>
        <translation>le flux d&apos;événements a envoyé une ligne de plus de 16 Mio</translation>
    </message>
    <message>
        <location line="+55"/>
        <location line="+9"/>
        <source>the event stream closed</source>
        <translation>le flux d&apos;événements s&apos;est fermé</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>nothing received for %1 s</source>
        <translation>rien reçu depuis %1 s</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the event stream broke: %1</source>
        <translation>le flux d&apos;événements s&apos;est interrompu&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>Limpet::SessionTableModel</name>
    <message>
        <location filename="../ui/sessions/sessiontablemodel.cpp" line="+548"/>
        <source>%1 (rebound)</source>
        <translation>%1 (réaffectée)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 until %2</source>
        <translation>%1 jusqu&apos;à %2</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Moved to %1 for good by an operator</source>
        <translation>Déplacée définitivement vers %1 par un opérateur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pinned to %1 by an operator until %2</source>
        <translation>Épinglée sur %1 par un opérateur jusqu&apos;à %2</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Affinity key</source>
        <translation>Clé d&apos;affinité</translation>
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
        <translation>Premier accès</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Last seen</source>
        <translation>Dernier accès</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Requests</source>
        <translation>Requêtes</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pin</source>
        <translation>Épinglage</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The value that binds the session to its backend</source>
        <translation>La valeur qui lie la session à son backend</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Address of the session&apos;s latest request</source>
        <translation>Adresse de la dernière requête de la session</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>When the session&apos;s first request arrived</source>
        <translation>Quand la première requête de la session est arrivée</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>When the session&apos;s latest request arrived</source>
        <translation>Quand la dernière requête de la session est arrivée</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Requests of the session so far</source>
        <translation>Requêtes de la session jusqu&apos;ici</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>An operator&apos;s pin (until a time) or rebind (for good)</source>
        <translation>Un épinglage par un opérateur (jusqu&apos;à une heure donnée) ou une réaffectation (définitive)</translation>
    </message>
</context>
<context>
    <name>Limpet::SessionsView</name>
    <message>
        <location filename="../ui/sessions/sessionsview.cpp" line="+52"/>
        <source>&amp;Trace this session</source>
        <translation>&amp;Tracer cette session</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Pin to backend…</source>
        <translation>&amp;Épingler sur un backend…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Forget…</source>
        <translation>&amp;Oublier…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Filter by affinity key or client address</source>
        <translation>Filtrer par clé d&apos;affinité ou adresse du client</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Show the sessions bound to one backend</source>
        <translation>Afficher les sessions liées à un backend</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>All backends</source>
        <translation>Tous les backends</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Show the sessions whose latest request is that recent</source>
        <translation>Afficher les sessions dont la dernière requête est aussi récente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seen any time</source>
        <translation>Vues à tout moment</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seen in the last minute</source>
        <translation>Vues dans la dernière minute</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seen in the last 5 minutes</source>
        <translation>Vues dans les 5 dernières minutes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seen in the last hour</source>
        <translation>Vues dans la dernière heure</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Show the decisions made for this session&apos;s requests</source>
        <translation>Afficher les décisions prises pour les requêtes de cette session</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Send this session to another backend for a while or for good</source>
        <translation>Envoyer cette session vers un autre backend pour un temps ou définitivement</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Drop this session&apos;s binding: its next request is balanced anew</source>
        <translation>Supprimer le lien de cette session&#xa0;: sa prochaine requête est répartie à nouveau</translation>
    </message>
    <message numerus="yes">
        <location line="+97"/>
        <source>%Ln session(s) (showing %1)</source>
        <translation>
            <numerusform>%Ln session (%1 affichées)</numerusform>
            <numerusform>%Ln sessions (%1 affichées)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>— %Ln more not sent by the instance</source>
        <translation>
            <numerusform>— %Ln de plus non envoyée par l’instance</numerusform>
            <numerusform>— %Ln de plus non envoyées par l’instance</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A remote instance sends its whole table only up to 200,000 sessions. The others show here once they change; `limpet ctl sessions` on the instance lists them all.</source>
        <translation>Une instance distante n’envoie sa table entière que jusqu’à 200 000 sessions. Les autres apparaissent ici dès qu’elles changent ; `limpet ctl sessions` sur l’instance les liste toutes.</translation>
    </message>
    <message>
        <location line="+96"/>
        <source>Forget session</source>
        <translation>Oublier la session</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Forget session %1 of pool %2?</source>
        <translation>Oublier la session %1 du pool %2&#xa0;?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Its binding to %1 is dropped: its next request is balanced as a new session, and may go to another backend.</source>
        <translation>Son lien avec %1 est supprimé&#xa0;: sa prochaine requête est répartie comme une nouvelle session, et peut aller vers un autre backend.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Forget</source>
        <translation>Oublier</translation>
    </message>
</context>
<context>
    <name>Limpet::TokenStore</name>
    <message>
        <location filename="../ui/tokenstore.cpp" line="+30"/>
        <source>no keychain is available</source>
        <translation>aucun trousseau n&apos;est disponible</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the keychain failed</source>
        <translation>le trousseau a échoué</translation>
    </message>
</context>
<context>
    <name>Limpet::TraceModel</name>
    <message>
        <location filename="../ui/tracing/tracemodel.cpp" line="+40"/>
        <source>drained past deadline</source>
        <translation>drain au-delà du délai</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>backend down or in maintenance</source>
        <translation>backend down ou en maintenance</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cookie missing</source>
        <translation>cookie absent</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cookie tampered</source>
        <translation>cookie falsifié</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cookie expired</source>
        <translation>cookie expiré</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cookie unreadable</source>
        <translation>cookie illisible</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cookie names a backend that is gone</source>
        <translation>le cookie désigne un backend qui n&apos;existe plus</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>backend refused the connection</source>
        <translation>le backend a refusé la connexion</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>back from standby to a ready backend</source>
        <translation>retour de standby vers un backend ready</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no ready backend: a standby one took it</source>
        <translation>aucun backend ready&#xa0;: un backend en standby l&apos;a prise</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>rebound by an operator</source>
        <translation>réaffectée par un opérateur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>pinned by an operator</source>
        <translation>épinglée par un opérateur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>route missing</source>
        <translation>route absente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>application cookie not learnt</source>
        <translation>cookie de l&apos;application non appris</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>hashed elsewhere: the backends changed</source>
        <translation>hachage vers un autre backend&#xa0;: les backends ont changé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>hash key missing</source>
        <translation>clé de hachage absente</translation>
    </message>
    <message>
        <location line="+114"/>
        <location line="+11"/>
        <location line="+1"/>
        <location line="+17"/>
        <location line="+1"/>
        <source>none</source>
        <translation>aucun</translation>
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
        <translation>%1 → %2&#xa0;: %3</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The session moved from %1 to %2: %3 (%4).</source>
        <translation>La session est passée de %1 à %2&#xa0;: %3 (%4).</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>The affinity value the client sent (key_seen)</source>
        <translation>La valeur d&apos;affinité envoyée par le client (key_seen)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The reason code of the decision (engine/README.md)</source>
        <translation>Le code motif de la décision (engine/README.md)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Time to the end of the response</source>
        <translation>Temps jusqu&apos;à la fin de la réponse</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The Set-Cookie Limpet added to the response</source>
        <translation>Le Set-Cookie ajouté par Limpet à la réponse</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Where the session was before, and why it moved</source>
        <translation>Où se trouvait la session avant, et pourquoi elle a changé</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Method</source>
        <translation>Méthode</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Path</source>
        <translation>Chemin</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cookie in</source>
        <translation>Cookie reçu</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Backend</source>
        <translation>Backend</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Latency</source>
        <translation>Latence</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Set-Cookie out</source>
        <translation>Set-Cookie émis</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Backend change</source>
        <translation>Changement de backend</translation>
    </message>
</context>
<context>
    <name>Limpet::TraceView</name>
    <message>
        <location filename="../ui/tracing/traceview.cpp" line="+66"/>
        <source>&amp;Trace</source>
        <translation>&amp;Tracer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Pause</source>
        <translation>&amp;Pause</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Export JSON…</source>
        <translation>E&amp;xporter en JSON…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Session key</source>
        <translation>Clé de session</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Client address</source>
        <translation>Adresse du client</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>3f9a0c1d-app1-77b2e410 or 192.0.2.10</source>
        <translation>3f9a0c1d-app1-77b2e410 ou 192.0.2.10</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Hold new requests so the table stays still while you read</source>
        <translation>Retenir les nouvelles requêtes pour que la table reste figée pendant la lecture</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save the trace as a JSON array of decisions</source>
        <translation>Enregistrer la trace comme tableau JSON de décisions</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Select a request to see its decision</source>
        <translation>Sélectionnez une requête pour voir sa décision</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Stickiness breaks, whole instance</source>
        <translation>Ruptures de persistance, toute l&apos;instance</translation>
    </message>
    <message>
        <location line="+192"/>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 %2 from %3, pool %4 (mode %5)</source>
        <translation>%1 %2 depuis %3, pool %4 (mode %5)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cookie seen: %1</source>
        <translation>Cookie vu&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Decoded: %1</source>
        <translation>Décodé&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason: %1%2</source>
        <translation>Motif&#xa0;: %1%2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Backend: %1%2</source>
        <translation>Backend&#xa0;: %1%2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> (balanced by %1)</source>
        <translation> (réparti par %1)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Backend change: %1 → %2, %3 (%4)</source>
        <translation>Changement de backend&#xa0;: %1 → %2, %3 (%4)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Key in force: %1</source>
        <translation>Clé en vigueur&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Set-Cookie: %1</source>
        <translation>Set-Cookie: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status %1 in %2 ms</source>
        <translation>Statut %1 en %2 ms</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n byte(s)</source>
        <translation>
            <numerusform>%n octet</numerusform>
            <numerusform>%n octets</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n retry(-ies)</source>
        <translation>
            <numerusform>%n nouvelle tentative</numerusform>
            <numerusform>%n nouvelles tentatives</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+31"/>
        <source>%n break(s)</source>
        <translation>
            <numerusform>%n rupture</numerusform>
            <numerusform>%n ruptures</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n decision(s)</source>
        <translation>
            <numerusform>%n décision</numerusform>
            <numerusform>%n décisions</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 in %2 since this view opened</source>
        <extracomment>%1: &quot;3 breaks&quot;, %2: &quot;1200 decisions&quot;</extracomment>
        <translation>%1 sur %2 depuis l&apos;ouverture de cette vue</translation>
    </message>
    <message>
        <location line="-28"/>
        <source>Pick a session key or a client address, then Trace.</source>
        <translation>Choisissez une clé de session ou une adresse client, puis Tracer.</translation>
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
        <translation>%1&#xa0;: aucune instance n&apos;est connectée.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: asking the instance for its history…</source>
        <translation>%1&#xa0;: demande de l&apos;historique à l&apos;instance…</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%1: %n request(s)</source>
        <translation>
            <numerusform>%1&#xa0;: %n requête</numerusform>
            <numerusform>%1&#xa0;: %n requêtes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n backend change(s)</source>
        <translation>
            <numerusform>%n changement de backend</numerusform>
            <numerusform>%n changements de backend</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>paused, %n new request(s) held</source>
        <translation>
            <numerusform>en pause, %n nouvelle requête retenue</numerusform>
            <numerusform>en pause, %n nouvelles requêtes retenues</numerusform>
        </translation>
    </message>
    <message>
        <location line="+35"/>
        <location line="+6"/>
        <source>Export trace</source>
        <translation>Exporter la trace</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>JSON files (*.json)</source>
        <translation>Fichiers JSON (*.json)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The trace could not be written to %1: %2</source>
        <translation>Impossible d&apos;écrire la trace dans %1&#xa0;: %2</translation>
    </message>
</context>
</TS>
