<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>Limpet::AddBackendDialog</name>
    <message numerus="yes">
        <location filename="../ui/cluster/addbackenddialog.cpp" line="+63"/>
        <source>Add it to the same pool on all %n instances</source>
        <translation>
            <numerusform>Add it to the same pool on the %n instance</numerusform>
            <numerusform>Add it to the same pool on all %n instances</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Limpet::ClusterTreeModel</name>
    <message numerus="yes">
        <location filename="../ui/cluster/clustertreemodel.cpp" line="+275"/>
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
</context>
<context>
    <name>Limpet::ClusterView</name>
    <message numerus="yes">
        <location filename="../ui/cluster/clusterview.cpp" line="+367"/>
        <source>Apply to all %n instances</source>
        <translation>
            <numerusform>Apply to the %n instance</numerusform>
            <numerusform>Apply to all %n instances</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+40"/>
        <source>Put %n backends in maintenance?</source>
        <translation>
            <numerusform>Put %n backend in maintenance?</numerusform>
            <numerusform>Put %n backends in maintenance?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Maintenance takes %1 out of service: it gets no request, and the %n session(s) bound to it move to other backends.</source>
        <translation>
            <numerusform>Maintenance takes %1 out of service: it gets no request, and the %n session bound to it moves to another backend.</numerusform>
            <numerusform>Maintenance takes %1 out of service: it gets no request, and the %n sessions bound to it move to other backends.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>Maintenance takes %1 out of service: they get no request, and the %n session(s) bound to them move to other backends.</source>
        <translation>
            <numerusform>Maintenance takes %1 out of service: they get no request, and the %n session bound to them moves to another backend.</numerusform>
            <numerusform>Maintenance takes %1 out of service: they get no request, and the %n sessions bound to them move to other backends.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+87"/>
        <source>Remove %n backends (%1)?</source>
        <translation>
            <numerusform>Remove %n backend (%1)?</numerusform>
            <numerusform>Remove %n backends (%1)?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Removed when drained: no new session goes there, and it leaves once no session is bound to it and no request is in flight (%n session(s) now).
Removed at once: it leaves now; requests in flight finish, and its sessions move to other backends.</source>
        <translation>
            <numerusform>Removed when drained: no new session goes there, and it leaves once no session is bound to it and no request is in flight (%n session now).
Removed at once: it leaves now; requests in flight finish, and its sessions move to other backends.</numerusform>
            <numerusform>Removed when drained: no new session goes there, and it leaves once no session is bound to it and no request is in flight (%n sessions now).
Removed at once: it leaves now; requests in flight finish, and its sessions move to other backends.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Limpet::CookieFormats</name>
    <message numerus="yes">
        <location filename="../ui/inspector/cookieformats.cpp" line="+959"/>
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Limpet::CookieTableModel</name>
    <message numerus="yes">
        <location filename="../ui/inspector/cookietablemodel.cpp" line="+56"/>
        <source>%1 (or %n more)</source>
        <translation>
            <numerusform>%1 (or %n more)</numerusform>
            <numerusform>%1 (or %n more)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Limpet::InspectorView</name>
    <message numerus="yes">
        <location filename="../ui/inspector/inspectorview.cpp" line="+268"/>
        <source>on %1, %n request(s), last seen %2 ago</source>
        <translation>
            <numerusform>on %1, %n request, last seen %2 ago</numerusform>
            <numerusform>on %1, %n requests, last seen %2 ago</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Limpet::LogView</name>
    <message numerus="yes">
        <location filename="../ui/log/logview.cpp" line="+123"/>
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n event</numerusform>
            <numerusform>%n events</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%1 of %n event(s)</source>
        <translation>
            <numerusform>%1 of %n event</numerusform>
            <numerusform>%1 of %n events</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Limpet::MainWindow</name>
    <message numerus="yes">
        <location filename="../ui/mainwindow.cpp" line="+248"/>
        <source>%n open connection(s)</source>
        <translation>
            <numerusform>%n open connection</numerusform>
            <numerusform>%n open connections</numerusform>
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
</context>
<context>
    <name>Limpet::SessionsView</name>
    <message numerus="yes">
        <location filename="../ui/sessions/sessionsview.cpp" line="+228"/>
        <source>%Ln session(s) (showing %1)</source>
        <translation>
            <numerusform>%Ln session (showing %1)</numerusform>
            <numerusform>%Ln sessions (showing %1)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>— %Ln more not sent by the instance</source>
        <translation>
            <numerusform>— %Ln more not sent by the instance</numerusform>
            <numerusform>— %Ln more not sent by the instance</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Limpet::TraceView</name>
    <message numerus="yes">
        <location filename="../ui/tracing/traceview.cpp" line="+340"/>
        <source>%n byte(s)</source>
        <translation>
            <numerusform>%n byte</numerusform>
            <numerusform>%n bytes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n retry(-ies)</source>
        <translation>
            <numerusform>%n retry</numerusform>
            <numerusform>%n retries</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+20"/>
        <source>%1: %n request(s)</source>
        <translation>
            <numerusform>%1: %n request</numerusform>
            <numerusform>%1: %n requests</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n backend change(s)</source>
        <translation>
            <numerusform>%n backend change</numerusform>
            <numerusform>%n backend changes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>paused, %n new request(s) held</source>
        <translation>
            <numerusform>paused, %n new request held</numerusform>
            <numerusform>paused, %n new requests held</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>%n break(s)</source>
        <translation>
            <numerusform>%n break</numerusform>
            <numerusform>%n breaks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n decision(s)</source>
        <translation>
            <numerusform>%n decision</numerusform>
            <numerusform>%n decisions</numerusform>
        </translation>
    </message>
</context>
</TS>
