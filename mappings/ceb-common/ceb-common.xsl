<?xml version="1.0" encoding="UTF-8"?>
<!--
  What every China customs CBEC (CEB) mapping shares: the submission codes, the compact times,
  the transmission envelope (BaseTransfer, BaseSubscribe, ExtendMessage), the identity schemes.
  Included by mappings/ceb*/to-canonical.xsl and from-canonical.xsl.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    xmlns:ceb="http://www.chinaport.gov.cn/ceb"
    xmlns:c="urn:wco-ecom-adapter:canonical:1"
    xmlns:cebc="urn:wco-ecom-adapter:ceb-common"
    xmlns:cl="urn:wco-ecom-adapter:codelists"
    xmlns:err="urn:wco-ecom-adapter:errors"
    exclude-result-prefixes="#all">

  <xsl:include href="../codelists/codelists.xsl"/>

  <!-- appType: 1 new, 2 change, 3 delete -->
  <xsl:variable name="cebc:functions" static="yes" as="map(xs:string, xs:string)"
      select="map{'1': 'ORIGINAL', '2': 'AMENDMENT', '3': 'CANCELLATION'}"/>
  <!-- appStatus: 1 saved (暂存), 2 declared (申报) -->
  <xsl:variable name="cebc:filing" static="yes" as="map(xs:string, xs:string)"
      select="map{'1': 'SAVED', '2': 'FILED'}"/>
  <!-- buyerIdType / payerIdType: 1 resident identity card, 2 other -->
  <xsl:variable name="cebc:id-schemes" static="yes" as="map(xs:string, xs:string)"
      select="map{'1': 'CN-RESIDENT-ID', '2': 'OTHER-ID'}"/>

  <xsl:function name="cebc:coded" as="xs:string">
    <xsl:param name="table" as="map(xs:string, xs:string)"/>
    <xsl:param name="node" as="element()"/>
    <xsl:sequence select="cebc:coded($table, string($node), $node)"/>
  </xsl:function>

  <!-- The same for a value that may differ from the element's text (its default when it is empty) -->
  <xsl:function name="cebc:coded" as="xs:string">
    <xsl:param name="table" as="map(xs:string, xs:string)"/>
    <xsl:param name="value" as="xs:string"/>
    <xsl:param name="node" as="element()"/>
    <xsl:sequence select="if (map:contains($table, $value)) then $table($value)
        else error(xs:QName('err:VALUE_INVALID'),
                   local-name($node) || ' &quot;' || $value || '&quot; must be one of ' || string-join(sort(map:keys($table)), ', '), $node)"/>
  </xsl:function>

  <xsl:function name="cebc:code-of" as="xs:string">
    <xsl:param name="table" as="map(xs:string, xs:string)"/>
    <xsl:param name="value" as="node()"/>
    <xsl:variable name="codes" select="map:keys($table)[$table(.) = normalize-space($value)]"/>
    <xsl:sequence select="if (exists($codes)) then head(sort($codes))
        else error(xs:QName('err:VALUE_INVALID'),
                   local-name($value) || ' &quot;' || $value || '&quot; has no CEB code', $value)"/>
  </xsl:function>

  <!-- YYYYMMDDhhmmss to xs:dateTime (no zone: CEB times are China local time) -->
  <xsl:function name="cebc:date-time" as="xs:string">
    <xsl:param name="node" as="element()"/>
    <xsl:variable name="t" select="string($node)"/>
    <!-- substrings, not a regular expression: this runs for every record (bench profile) -->
    <xsl:variable name="iso" select="if (string-length($t) = 14 and translate($t, '0123456789', '') = '')
        then substring($t, 1, 4) || '-' || substring($t, 5, 2) || '-' || substring($t, 7, 2) || 'T'
             || substring($t, 9, 2) || ':' || substring($t, 11, 2) || ':' || substring($t, 13, 2)
        else $t"/>
    <xsl:sequence select="if ($iso castable as xs:dateTime) then $iso
        else error(xs:QName('err:VALUE_INVALID'),
                   local-name($node) || ' &quot;' || $t || '&quot; is not a time of the form YYYYMMDDhhmmss', $node)"/>
  </xsl:function>

  <!-- xs:dateTime to YYYYMMDDhhmmss, in China time when the value has a zone -->
  <xsl:function name="cebc:compact-time" as="xs:string">
    <xsl:param name="node" as="element()"/>
    <xsl:variable name="dt" select="xs:dateTime($node)"/>
    <xsl:variable name="local" select="if (exists(timezone-from-dateTime($dt)))
                                       then adjust-dateTime-to-timezone($dt, xs:dayTimeDuration('PT8H')) else $dt"/>
    <!-- a four-digit year: the lexical form cut down, cheaper than format-dateTime on every record -->
    <xsl:variable name="lexical" select="string($local)"/>
    <xsl:sequence select="if (substring($lexical, 5, 1) = '-' and not(starts-with($lexical, '-')))
        then translate(substring($lexical, 1, 19), '-:T', '')
        else format-dateTime($local, '[Y0001][M01][D01][H01][m01][s01]')"/>
  </xsl:function>

  <!-- The compact issue time of a canonical document (appTime), which every CEB record needs -->
  <xsl:function name="cebc:issue-time" as="xs:string">
    <xsl:param name="document" as="element()"/>
    <xsl:sequence select="if ($document/c:Header/c:IssueDateTime) then cebc:compact-time($document/c:Header/c:IssueDateTime)
        else error(xs:QName('err:VALUE_INVALID'), 'a ' || local-name($document) || ' written in a CEB message needs its issue time (Header/IssueDateTime)', $document/c:Header)"/>
  </xsl:function>

  <!-- Currency code of a CEB amount group: the schema default 142 when the element is empty -->
  <xsl:function name="cebc:currency" as="xs:string">
    <xsl:param name="node" as="element()"/>
    <xsl:sequence select="cl:iso-currency(if (string($node) = '') then '142' else string($node), $node)"/>
  </xsl:function>

  <!-- The partner message as a canonical Source: lineage plus the envelope to rebuild it -->
  <xsl:template name="cebc:source">
    <xsl:param name="format" as="xs:string"/>
    <xsl:param name="partner" as="xs:string"/>
    <xsl:param name="record-guid" as="xs:string"/>
    <xsl:param name="index" as="xs:integer"/>
    <xsl:param name="channel" as="xs:string?"/>
    <xsl:param name="received-at" as="xs:dateTime?"/>
    <xsl:variable name="msg" select="/*"/>
    <c:Source>
      <c:Partner><xsl:value-of select="$partner"/></c:Partner>
      <c:Format><xsl:value-of select="$format"/></c:Format>
      <c:MessageId><xsl:value-of select="$msg/@guid"/></c:MessageId>
      <c:MessageVersion><xsl:value-of select="$msg/@version"/></c:MessageVersion>
      <c:RecordGuid><xsl:value-of select="$record-guid"/></c:RecordGuid>
      <c:RecordIndex><xsl:value-of select="$index"/></c:RecordIndex>
      <xsl:if test="$channel"><c:Channel><xsl:value-of select="$channel"/></c:Channel></xsl:if>
      <xsl:if test="exists($received-at)"><c:ReceivedAt><xsl:value-of select="$received-at"/></c:ReceivedAt></xsl:if>
      <c:Transmission>
        <xsl:for-each select="$msg/ceb:BaseTransfer">
          <c:Sender>
            <c:Code><xsl:value-of select="ceb:copCode"/></c:Code>
            <c:Name><xsl:value-of select="ceb:copName"/></c:Name>
            <c:Mode><xsl:value-of select="ceb:dxpMode"/></c:Mode>
            <c:Address><xsl:value-of select="ceb:dxpId"/></c:Address>
            <xsl:for-each select="ceb:note"><c:Note><xsl:value-of select="."/></c:Note></xsl:for-each>
          </c:Sender>
        </xsl:for-each>
        <xsl:for-each select="$msg/ceb:BaseSubscribe">
          <c:Subscriber>
            <c:Scope><xsl:value-of select="ceb:status"/></c:Scope>
            <c:Mode><xsl:value-of select="ceb:dxpMode"/></c:Mode>
            <c:Address><xsl:value-of select="ceb:dxpAddress"/></c:Address>
            <xsl:for-each select="ceb:note"><c:Note><xsl:value-of select="."/></c:Note></xsl:for-each>
          </c:Subscriber>
        </xsl:for-each>
        <xsl:for-each select="$msg/ceb:ExtendMessage">
          <c:Extension>
            <c:Name><xsl:value-of select="ceb:name"/></c:Name>
            <c:Version><xsl:value-of select="ceb:version"/></c:Version>
            <c:Content><xsl:copy-of select="ceb:Message/*" copy-namespaces="no"/></c:Content>
          </c:Extension>
        </xsl:for-each>
      </c:Transmission>
    </c:Source>
  </xsl:template>

  <!-- The envelope of an outgoing CEB data message, from the first record's Source.
       Non-empty transfer-* values (egress configuration) replace the original sender. -->
  <xsl:template name="cebc:transmission">
    <xsl:param name="source" as="element(c:Source)?"/>
    <xsl:param name="cop-code" as="xs:string?"/>
    <xsl:param name="cop-name" as="xs:string?"/>
    <xsl:param name="dxp-id" as="xs:string?"/>
    <xsl:param name="dxp-mode" as="xs:string?"/>
    <xsl:variable name="t" select="$source/c:Transmission"/>
    <xsl:variable name="code" select="($cop-code[.], $t/c:Sender/c:Code)[1]"/>
    <xsl:if test="empty($code)">
      <xsl:sequence select="error(xs:QName('err:VALUE_INVALID'),
          'no BaseTransfer sender: the canonical record has no Source/Transmission/Sender and adapter.egress.ceb.cop-code (with cop-name and dxp-id) is not set', $source)"/>
    </xsl:if>
    <ceb:BaseTransfer>
      <ceb:copCode><xsl:value-of select="$code"/></ceb:copCode>
      <ceb:copName><xsl:value-of select="($cop-name[.], $t/c:Sender/c:Name)[1]"/></ceb:copName>
      <ceb:dxpMode><xsl:value-of select="($dxp-mode[.], $t/c:Sender/c:Mode, 'DXP')[1]"/></ceb:dxpMode>
      <ceb:dxpId><xsl:value-of select="($dxp-id[.], $t/c:Sender/c:Address)[1]"/></ceb:dxpId>
      <xsl:for-each select="$t/c:Sender/c:Note"><ceb:note><xsl:value-of select="."/></ceb:note></xsl:for-each>
    </ceb:BaseTransfer>
    <xsl:for-each select="$t/c:Subscriber">
      <ceb:BaseSubscribe>
        <ceb:status><xsl:value-of select="c:Scope"/></ceb:status>
        <ceb:dxpMode><xsl:value-of select="c:Mode"/></ceb:dxpMode>
        <ceb:dxpAddress><xsl:value-of select="c:Address"/></ceb:dxpAddress>
        <xsl:for-each select="c:Note"><ceb:note><xsl:value-of select="."/></ceb:note></xsl:for-each>
      </ceb:BaseSubscribe>
    </xsl:for-each>
    <xsl:for-each select="$t/c:Extension">
      <ceb:ExtendMessage>
        <ceb:name><xsl:value-of select="c:Name"/></ceb:name>
        <ceb:version><xsl:value-of select="c:Version"/></ceb:version>
        <ceb:Message><xsl:copy-of select="c:Content/*" copy-namespaces="no"/></ceb:Message>
      </ceb:ExtendMessage>
    </xsl:for-each>
  </xsl:template>

  <!-- The version attribute of an outgoing CEB message: the one kept from a CEB message the record
       came in, else 1.0. Another format's version (a camt.054's 001.08) is no CEB version. -->
  <xsl:function name="cebc:message-version" as="xs:string">
    <xsl:param name="source" as="element(c:Source)?"/>
    <xsl:sequence select="($source[starts-with(c:Format, 'ceb')]/c:MessageVersion[string()], '1.0')[1]"/>
  </xsl:function>

  <!-- A canonical party of the given role, or nothing -->
  <xsl:function name="cebc:party" as="element(c:Party)?">
    <xsl:param name="record" as="element()"/>
    <xsl:param name="role" as="xs:string"/>
    <xsl:sequence select="$record/c:Party[@role = $role][1]"/>
  </xsl:function>

  <!-- YYYYMMDD to xs:date -->
  <xsl:function name="cebc:date" as="xs:string">
    <xsl:param name="node" as="element()"/>
    <xsl:variable name="t" select="string($node)"/>
    <xsl:variable name="iso" select="if (string-length($t) = 8 and translate($t, '0123456789', '') = '')
        then substring($t, 1, 4) || '-' || substring($t, 5, 2) || '-' || substring($t, 7, 2)
        else $t"/>
    <xsl:sequence select="if ($iso castable as xs:date) then $iso
        else error(xs:QName('err:VALUE_INVALID'),
                   local-name($node) || ' &quot;' || $t || '&quot; is not a date of the form YYYYMMDD', $node)"/>
  </xsl:function>

  <!-- ============================================================ export family
       The export schema (CEB303, 403, 505, 603, ...) lets most required strings be empty and gives
       some elements a default; a platform without a customs code is written 无 (none). -->

  <!-- What an overseas platform without a customs registration fills in ebpCode -->
  <xsl:variable name="cebc:no-code" as="xs:string" select="'无'"/>

  <!-- export orderType: E B2C export order, B B2B export order (9710), W overseas warehouse order (9810) -->
  <xsl:variable name="cebc:export-order-types" as="xs:string+" select="('E', 'B', 'W')"/>

  <!-- An element's text, or the schema's default when the element is empty (an empty element with
       a default is valid and means the default). The adapter's reader fills defaults in as it
       validates; this keeps a stylesheet right on a tree read without validation too. -->
  <xsl:function name="cebc:or-default" as="xs:string">
    <xsl:param name="node" as="element()"/>
    <xsl:param name="default" as="xs:string"/>
    <xsl:sequence select="if (string($node)) then string($node) else $default"/>
  </xsl:function>

  <!-- A value the canonical model needs, which the export schema lets be empty -->
  <xsl:function name="cebc:required" as="xs:string">
    <xsl:param name="node" as="element()"/>
    <xsl:param name="why" as="xs:string"/>
    <xsl:sequence select="if (string($node)) then string($node)
        else error(xs:QName('err:VALUE_INVALID'), local-name($node) || ' is empty: ' || $why, $node)"/>
  </xsl:function>

  <!-- A code (a supervision mode, a transport mode, ...) as the canonical model keeps it: without
       surrounding whitespace, and not blank -->
  <xsl:function name="cebc:code-value" as="xs:string">
    <xsl:param name="node" as="element()"/>
    <xsl:sequence select="if (normalize-space($node)) then normalize-space($node)
        else error(xs:QName('err:VALUE_INVALID'), local-name($node) || ' &quot;' || $node || '&quot; is blank: a code is needed', $node)"/>
  </xsl:function>

  <!-- An enterprise of an export record as a canonical party: its code is a CN-CUSTOMS identifier
       unless it is empty or 无 (no code); an empty name is kept (the element is required) -->
  <xsl:function name="cebc:enterprise" as="element(c:Party)">
    <xsl:param name="role" as="xs:string"/>
    <xsl:param name="code" as="element()?"/>
    <xsl:param name="name" as="element()?"/>
    <c:Party role="{$role}">
      <xsl:for-each select="$name"><c:Name><xsl:value-of select="."/></c:Name></xsl:for-each>
      <xsl:for-each select="$code[string() and string() ne $cebc:no-code]"><c:Identifier scheme="CN-CUSTOMS"><xsl:value-of select="."/></c:Identifier></xsl:for-each>
      <c:TypeOfPerson>LEGAL</c:TypeOfPerson>
    </c:Party>
  </xsl:function>

  <!-- The customs code of a party, empty when it has none -->
  <xsl:function name="cebc:code" as="xs:string">
    <xsl:param name="party" as="element(c:Party)?"/>
    <xsl:sequence select="string($party/c:Identifier[@scheme = 'CN-CUSTOMS'][1])"/>
  </xsl:function>

  <!-- A platform's code in an export message: 无 when it has none -->
  <xsl:function name="cebc:platform-code" as="xs:string">
    <xsl:param name="party" as="element(c:Party)?"/>
    <xsl:sequence select="(cebc:code($party)[.], $cebc:no-code)[1]"/>
  </xsl:function>

  <!-- Nothing, or an error when a canonical document written in an export format is an import -->
  <xsl:function name="cebc:export-only" as="empty-sequence()">
    <xsl:param name="document" as="element()"/>
    <xsl:param name="format" as="xs:string"/>
    <xsl:if test="$document/c:TradeDirection = 'IMPORT'">
      <xsl:sequence select="error(xs:QName('err:VALUE_INVALID'), 'a ' || $format || ' message carries export records; this '
          || local-name($document) || ' is an import', $document/c:TradeDirection)"/>
    </xsl:if>
  </xsl:function>

  <!-- A 36-character record guid: the one kept in the Source, else the message guid with the
       record's position in its last four characters -->
  <xsl:function name="cebc:record-guid" as="xs:string">
    <xsl:param name="record" as="element()"/>
    <xsl:param name="message-guid" as="xs:string"/>
    <xsl:param name="position" as="xs:integer"/>
    <xsl:variable name="kept" select="string($record/c:Header/c:Source/c:RecordGuid)"/>
    <xsl:sequence select="if (string-length($kept) = 36) then $kept
                          else substring($message-guid, 1, 32) || (if ($position lt 10000) then substring(string(10000 + $position), 2)
                                                     else format-integer($position, '0000'))"/>
  </xsl:function>
</xsl:stylesheet>
