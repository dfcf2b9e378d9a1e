<?xml version="1.0" encoding="UTF-8"?>
<!--
  What the two tax bill mappings (CEB816 electronic tax bill, CEB818 its status) share, in both
  directions. Both come from customs, without a transmission envelope: the partner is "customs"
  unless given, and the record's time is the bill's returnTime (YYYYMMDDhhmmssSSS, China time).
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    xmlns:ceb="http://www.chinaport.gov.cn/ceb"
    xmlns:c="urn:wco-ecom-adapter:canonical:1"
    xmlns:tb="urn:wco-ecom-adapter:ceb-tax-bill"
    xmlns:err="urn:wco-ecom-adapter:errors"
    exclude-result-prefixes="#all">

  <!-- to canonical: who the bill came from (customs, by default), how and when -->
  <xsl:param name="partner" as="xs:string?"/>
  <xsl:param name="channel" as="xs:string?"/>
  <xsl:param name="received-at" as="xs:dateTime?"/>

  <!-- status: 1 generated (已生成), 2 summarised into a periodic payment (已汇总), 3 void (作废) -->
  <xsl:variable name="tb:statuses" static="yes" as="map(xs:string, xs:string)" select="map{'1': 'GENERATED', '2': 'SUMMARISED', '3': 'VOID'}"/>

  <!-- the three taxes of a head or a line, in the order the messages have them -->
  <xsl:variable name="tb:tax-types" static="yes" as="map(xs:string, xs:string)"
      select="map{'customsTax': 'DUTY', 'valueAddedTax': 'VAT', 'consumptionTax': 'CONSUMPTION'}"/>

  <!-- The Header of a bill's canonical document -->
  <xsl:template name="tb:header">
    <xsl:param name="head" as="element()"/>
    <xsl:param name="format" as="xs:string"/>
    <xsl:param name="record-key" as="xs:string"/>
    <xsl:variable name="partner-id" select="($partner[.], 'customs')[1]"/>
    <c:Header>
      <c:RecordId><xsl:value-of select="$partner-id || ':' || $record-key"/></c:RecordId>
      <c:Function>ORIGINAL</c:Function>
      <c:IssueDateTime><xsl:value-of select="tb:date-time($head/ceb:returnTime)"/></c:IssueDateTime>
      <c:Source>
        <c:Partner><xsl:value-of select="$partner-id"/></c:Partner>
        <c:Format><xsl:value-of select="$format"/></c:Format>
        <c:MessageId><xsl:value-of select="/*/@guid"/></c:MessageId>
        <c:MessageVersion><xsl:value-of select="/*/@version"/></c:MessageVersion>
        <c:RecordGuid><xsl:value-of select="$head/ceb:guid"/></c:RecordGuid>
        <c:RecordIndex><xsl:value-of select="count($head/../preceding-sibling::ceb:Tax) + 1"/></c:RecordIndex>
        <xsl:if test="$channel"><c:Channel><xsl:value-of select="$channel"/></c:Channel></xsl:if>
        <xsl:if test="exists($received-at)"><c:ReceivedAt><xsl:value-of select="$received-at"/></c:ReceivedAt></xsl:if>
      </c:Source>
    </c:Header>
  </xsl:template>

  <!-- YYYYMMDDhhmmssSSS (China time) to xs:dateTime -->
  <xsl:function name="tb:date-time" as="xs:string">
    <xsl:param name="node" as="element()"/>
    <xsl:variable name="iso" select="replace($node, '^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{3})$', '$1-$2-$3T$4:$5:$6.$7+08:00')"/>
    <xsl:sequence select="if ($iso castable as xs:dateTime) then $iso
        else error(xs:QName('err:VALUE_INVALID'), local-name($node) || ' &quot;' || $node || '&quot; is not a time of the form YYYYMMDDhhmmssSSS', $node)"/>
  </xsl:function>

  <!-- xs:dateTime to YYYYMMDDhhmmssSSS, in China time when the value has a zone -->
  <xsl:function name="tb:return-time" as="xs:string">
    <xsl:param name="bill" as="element(c:TaxBill)"/>
    <xsl:variable name="t" select="$bill/c:Header/c:IssueDateTime"/>
    <xsl:if test="empty($t)">
      <xsl:sequence select="error(xs:QName('err:VALUE_INVALID'), 'a tax bill written in a CEB message needs its time (Header/IssueDateTime)', $bill/c:Header)"/>
    </xsl:if>
    <xsl:variable name="dt" select="xs:dateTime($t)"/>
    <xsl:variable name="china" select="if (exists(timezone-from-dateTime($dt)))
                                       then adjust-dateTime-to-timezone($dt, xs:dayTimeDuration('PT8H')) else $dt"/>
    <xsl:sequence select="format-dateTime($china, '[Y0001][M01][D01][H01][m01][s01][f001]')"/>
  </xsl:function>

  <!-- The bill's status; a code the specification does not name is kept as OTHER with its code -->
  <xsl:function name="tb:status" as="element(c:Status)">
    <xsl:param name="status" as="element()"/>
    <c:Status scheme="CEB-TAX-BILL-STATUS" sourceCode="{$status}"><xsl:value-of select="($tb:statuses(string($status)), 'OTHER')[1]"/></c:Status>
  </xsl:function>

  <xsl:function name="tb:status-code" as="xs:string">
    <xsl:param name="bill" as="element(c:TaxBill)"/>
    <xsl:variable name="status" select="$bill/c:Status"/>
    <xsl:variable name="codes" select="map:keys($tb:statuses)[$tb:statuses(.) = string($status)]"/>
    <xsl:sequence select="if ($status = 'OTHER' and $status/@sourceCode) then string($status/@sourceCode)
        else if (exists($codes)) then head($codes)
        else error(xs:QName('err:VALUE_INVALID'), 'tax bill status &quot;' || $status || '&quot; has no CEB code (GENERATED, SUMMARISED, VOID, or OTHER with its sourceCode)', $status)"/>
  </xsl:function>

  <!-- A party named by its customs code only, when the bill names it -->
  <xsl:function name="tb:party" as="element(c:Party)?">
    <xsl:param name="role" as="xs:string"/>
    <xsl:param name="code" as="element()?"/>
    <xsl:if test="string($code)">
      <c:Party role="{$role}"><c:Identifier scheme="CN-CUSTOMS"><xsl:value-of select="$code"/></c:Identifier></c:Party>
    </xsl:if>
  </xsl:function>

  <xsl:function name="tb:party-code" as="xs:string?">
    <xsl:param name="bill" as="element(c:TaxBill)"/>
    <xsl:param name="role" as="xs:string"/>
    <xsl:sequence select="$bill/c:Party[@role = $role][1]/c:Identifier[@scheme = 'CN-CUSTOMS'][string()][1]/string()"/>
  </xsl:function>

  <!-- The customs duty, VAT and consumption tax of a head or a line, in CNY -->
  <xsl:function name="tb:taxes" as="element(c:Tax)+">
    <xsl:param name="parent" as="element()"/>
    <xsl:for-each select="$parent/(ceb:customsTax, ceb:valueAddedTax, ceb:consumptionTax)">
      <c:Tax>
        <c:Type><xsl:value-of select="$tb:tax-types(local-name())"/></c:Type>
        <c:Amount currency="CNY"><xsl:value-of select="normalize-space(.)"/></c:Amount>
      </c:Tax>
    </xsl:for-each>
  </xsl:function>

  <!-- Back: the amount of one tax, which a CEB816 must have, in CNY -->
  <xsl:function name="tb:amount" as="xs:string">
    <xsl:param name="taxes" as="element(c:Tax)*"/>
    <xsl:param name="element" as="xs:string"/>
    <xsl:param name="at" as="element()"/>
    <xsl:variable name="type" select="$tb:tax-types($element)"/>
    <xsl:variable name="amount" select="$taxes[c:Type = $type][1]/c:Amount"/>
    <xsl:sequence select="if (empty($amount)) then error(xs:QName('err:VALUE_INVALID'), 'a CEB816 tax bill needs the ' || $type || ' amount (' || $element || ')', $at)
        else if ($amount/@currency != 'CNY') then error(xs:QName('err:VALUE_INVALID'), 'CEB816 taxes are in CNY, not ' || $amount/@currency, $amount)
        else string($amount)"/>
  </xsl:function>
</xsl:stylesheet>
