<?xml version="1.0" encoding="UTF-8"?>
<!--
  Canonical StatusEvent documents to one CEB513 (China import waybill status) message.
  The input is a c:StatusEvent or a c:Batch of them; every event becomes a ceb:LogisticsStatus, the
  envelope (BaseTransfer, BaseSubscribe, ExtendMessage) comes from the first event's Source.
  DELIVERED is written as S (signed for); a status read from CEB513 with another code (OTHER, the
  code in sourceCode) is written back with that code; any other status is refused.
  The output is validated against xsd/ceb/ceb513.xsd before it is sent.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:ceb="http://www.chinaport.gov.cn/ceb"
    xmlns:c="urn:wco-ecom-adapter:canonical:1"
    xmlns:cebc="urn:wco-ecom-adapter:ceb-common"
    xmlns:cl="urn:wco-ecom-adapter:codelists"
    xmlns:err="urn:wco-ecom-adapter:errors"
    exclude-result-prefixes="#all">

  <xsl:include href="../ceb-common/ceb-common.xsl"/>

  <!-- a new message id; the original message's id when not given -->
  <xsl:param name="message-guid" as="xs:string?"/>
  <!-- egress settings that replace the original sender in BaseTransfer when set -->
  <xsl:param name="transfer-cop-code" as="xs:string?"/>
  <xsl:param name="transfer-cop-name" as="xs:string?"/>
  <xsl:param name="transfer-dxp-id" as="xs:string?"/>
  <xsl:param name="transfer-dxp-mode" as="xs:string?"/>

  <!-- logisticsStatus: S signed for (物流签收状态，限定S) -->
  <xsl:variable name="logistics-statuses" static="yes" as="map(xs:string, xs:string)" select="map{'S': 'DELIVERED'}"/>

  <xsl:template match="/">
    <xsl:variable name="events" select="c:StatusEvent | c:Batch/c:StatusEvent"/>
    <xsl:if test="empty($events) or exists(c:Batch/*[not(self::c:StatusEvent)])">
      <xsl:sequence select="error(xs:QName('err:VALUE_INVALID'), 'a CEB513 message carries canonical StatusEvent documents only', *)"/>
    </xsl:if>
    <xsl:variable name="first" select="$events[1]/c:Header/c:Source"/>
    <xsl:variable name="guid" select="($message-guid[.], $first/c:MessageId[string-length() = 36])[1]"/>
    <xsl:if test="empty($guid)">
      <xsl:sequence select="error(xs:QName('err:VALUE_INVALID'), 'no 36-character message guid: none kept in the Source and none given', *)"/>
    </xsl:if>
    <ceb:CEB513Message guid="{$guid}" version="{cebc:message-version($first)}">
      <xsl:for-each select="$events">
        <xsl:apply-templates select=".">
          <xsl:with-param name="record-guid" select="cebc:record-guid(., $guid, position())"/>
        </xsl:apply-templates>
      </xsl:for-each>
      <xsl:call-template name="cebc:transmission">
        <xsl:with-param name="source" select="$first"/>
        <xsl:with-param name="cop-code" select="$transfer-cop-code"/>
        <xsl:with-param name="cop-name" select="$transfer-cop-name"/>
        <xsl:with-param name="dxp-id" select="$transfer-dxp-id"/>
        <xsl:with-param name="dxp-mode" select="$transfer-dxp-mode"/>
      </xsl:call-template>
    </ceb:CEB513Message>
  </xsl:template>

  <xsl:template match="c:StatusEvent">
    <xsl:param name="record-guid" as="xs:string"/>
    <xsl:variable name="carrier" select="cebc:party(., 'LOGISTICS_OPERATOR')"/>
    <ceb:LogisticsStatus>
      <ceb:guid><xsl:value-of select="$record-guid"/></ceb:guid>
      <ceb:appType><xsl:value-of select="cebc:code-of($cebc:functions, c:Header/c:Function)"/></ceb:appType>
      <ceb:appTime><xsl:value-of select="if (c:Header/c:IssueDateTime) then cebc:compact-time(c:Header/c:IssueDateTime)
          else error(xs:QName('err:VALUE_INVALID'), 'a CEB513 waybill status needs its issue time (Header/IssueDateTime)', c:Header)"/></ceb:appTime>
      <ceb:appStatus><xsl:value-of select="if (c:Header/c:FilingStatus) then cebc:code-of($cebc:filing, c:Header/c:FilingStatus) else '2'"/></ceb:appStatus>
      <ceb:logisticsCode><xsl:value-of select="$carrier/c:Identifier[@scheme = 'CN-CUSTOMS'][1]"/></ceb:logisticsCode>
      <ceb:logisticsName><xsl:value-of select="$carrier/c:Name"/></ceb:logisticsName>
      <ceb:logisticsNo><xsl:value-of select="c:TransportDocument"/></ceb:logisticsNo>
      <ceb:logisticsStatus><xsl:value-of select="if (c:Status = 'OTHER' and c:Status/@scheme = 'CEB-LOGISTICS-STATUS' and c:Status/@sourceCode)
          then c:Status/@sourceCode else cebc:code-of($logistics-statuses, c:Status)"/></ceb:logisticsStatus>
      <ceb:logisticsTime><xsl:value-of select="if (c:EventDateTime) then cebc:compact-time(c:EventDateTime)
          else error(xs:QName('err:VALUE_INVALID'), 'a CEB513 waybill status needs the time of the event (EventDateTime)', .)"/></ceb:logisticsTime>
      <xsl:for-each select="c:Note[string()]"><ceb:note><xsl:value-of select="."/></ceb:note></xsl:for-each>
    </ceb:LogisticsStatus>
  </xsl:template>
</xsl:stylesheet>
