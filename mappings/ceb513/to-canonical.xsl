<?xml version="1.0" encoding="UTF-8"?>
<!--
  CEB513 (China import waybill status) to canonical StatusEvent documents, one per ceb:LogisticsStatus.
  The input has been validated against xsd/ceb/ceb513.xsd; the output is validated against the
  canonical schema. Strings are copied as they are (whitespace included); empty optional elements are
  left out. The specification names one status, S (signed for), which becomes DELIVERED. Customs'
  own samples also carry R, with no documented meaning: any other code becomes OTHER, the code kept
  in sourceCode, so it reaches customs unchanged and nothing is given a meaning it may not have.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:ceb="http://www.chinaport.gov.cn/ceb"
    xmlns:c="urn:wco-ecom-adapter:canonical:1"
    xmlns:adapter="urn:wco-ecom-adapter:engine"
    xmlns:cebc="urn:wco-ecom-adapter:ceb-common"
    xmlns:cl="urn:wco-ecom-adapter:codelists"
    xmlns:err="urn:wco-ecom-adapter:errors"
    exclude-result-prefixes="#all">

  <xsl:include href="../ceb-common/ceb-common.xsl"/>
  <xsl:include href="../common/adapter.xsl"/>

  <!-- the partner the message came from; the sender code (copCode) when not given -->
  <xsl:param name="partner" as="xs:string?"/>
  <xsl:param name="channel" as="xs:string?"/>
  <xsl:param name="received-at" as="xs:dateTime?"/>

  <!-- logisticsStatus: S signed for (物流签收状态，限定S) -->
  <xsl:variable name="logistics-statuses" static="yes" as="map(xs:string, xs:string)" select="map{'S': 'DELIVERED'}"/>

  <xsl:variable name="partner-id" select="($partner[.], normalize-space(/ceb:CEB513Message/ceb:BaseTransfer/ceb:copCode))[1]"/>

  <xsl:template match="/">
    <xsl:apply-templates select="ceb:CEB513Message/ceb:LogisticsStatus"/>
  </xsl:template>

  <xsl:template match="ceb:LogisticsStatus">
    <xsl:document>
      <c:StatusEvent>
        <c:Header>
          <c:RecordId><xsl:value-of select="$partner-id || ':' || adapter:record-key(.)"/></c:RecordId>
          <c:Function sourceCode="{ceb:appType}"><xsl:value-of select="cebc:coded($cebc:functions, ceb:appType)"/></c:Function>
          <c:FilingStatus sourceCode="{ceb:appStatus}"><xsl:value-of select="cebc:coded($cebc:filing, ceb:appStatus)"/></c:FilingStatus>
          <c:IssueDateTime><xsl:value-of select="cebc:date-time(ceb:appTime)"/></c:IssueDateTime>
          <xsl:call-template name="cebc:source">
            <xsl:with-param name="format" select="'ceb513'"/>
            <xsl:with-param name="partner" select="$partner-id"/>
            <xsl:with-param name="record-guid" select="string(ceb:guid)"/>
            <xsl:with-param name="index" select="count(preceding-sibling::ceb:LogisticsStatus) + 1"/>
            <xsl:with-param name="channel" select="$channel"/>
            <xsl:with-param name="received-at" select="$received-at"/>
          </xsl:call-template>
        </c:Header>
        <c:TransportDocument type="HOUSE"><xsl:value-of select="ceb:logisticsNo"/></c:TransportDocument>
        <c:Party role="LOGISTICS_OPERATOR">
          <c:Name><xsl:value-of select="ceb:logisticsName"/></c:Name>
          <c:Identifier scheme="CN-CUSTOMS"><xsl:value-of select="ceb:logisticsCode"/></c:Identifier>
          <c:TypeOfPerson>LEGAL</c:TypeOfPerson>
        </c:Party>
        <c:Status scheme="CEB-LOGISTICS-STATUS" sourceCode="{ceb:logisticsStatus}"><xsl:value-of select="($logistics-statuses(string(ceb:logisticsStatus)), 'OTHER')[1]"/></c:Status>
        <c:EventDateTime><xsl:value-of select="cebc:date-time(ceb:logisticsTime)"/></c:EventDateTime>
        <xsl:for-each select="ceb:note[string()]"><c:Note><xsl:value-of select="."/></c:Note></xsl:for-each>
      </c:StatusEvent>
    </xsl:document>
  </xsl:template>
</xsl:stylesheet>
