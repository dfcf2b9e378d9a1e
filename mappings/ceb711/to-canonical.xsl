<?xml version="1.0" encoding="UTF-8"?>
<!--
  CEB711 (China import warehouse-entry detail list, 入库明细单) to one canonical ConsignmentList
  document (purpose WAREHOUSE_ENTRY) per ceb:Delivery (a message holds one). The input has been
  validated against xsd/ceb/ceb711.xsd (signature included); the output is validated against the
  canonical schema. Strings are copied as they are (whitespace included); empty optional elements
  carry no value and are left out. The signature is not business content and is not read.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:ceb="http://www.chinaport.gov.cn/ceb"
    xmlns:c="urn:wco-ecom-adapter:canonical:1"
    xmlns:cebc="urn:wco-ecom-adapter:ceb-common"
    exclude-result-prefixes="#all">

  <xsl:include href="../ceb-common/ceb-common.xsl"/>

  <!-- the partner the message came from; the sender code (copCode) when not given -->
  <xsl:param name="partner" as="xs:string?"/>
  <xsl:param name="channel" as="xs:string?"/>
  <xsl:param name="received-at" as="xs:dateTime?"/>

  <xsl:variable name="partner-id" select="($partner[.], normalize-space(/ceb:CEB711Message/ceb:BaseTransfer/ceb:copCode))[1]"/>

  <!-- ieFlag: I import, E export -->
  <xsl:variable name="directions" static="yes" as="map(xs:string, xs:string)" select="map{'I': 'IMPORT', 'E': 'EXPORT'}"/>

  <xsl:template match="/">
    <xsl:apply-templates select="ceb:CEB711Message/ceb:Delivery"/>
  </xsl:template>

  <xsl:template match="ceb:Delivery">
    <xsl:variable name="h" select="ceb:DeliveryHead"/>
    <xsl:document>
      <c:ConsignmentList>
        <c:Header>
          <c:RecordId><xsl:value-of select="$partner-id || ':' || $h/ceb:billNo"/></c:RecordId>
          <c:Function sourceCode="{$h/ceb:appType}"><xsl:value-of select="cebc:coded($cebc:functions, $h/ceb:appType)"/></c:Function>
          <c:FilingStatus sourceCode="{$h/ceb:appStatus}"><xsl:value-of select="cebc:coded($cebc:filing, $h/ceb:appStatus)"/></c:FilingStatus>
          <c:IssueDateTime><xsl:value-of select="cebc:date-time($h/ceb:appTime)"/></c:IssueDateTime>
          <xsl:call-template name="cebc:source">
            <xsl:with-param name="format" select="'ceb711'"/>
            <xsl:with-param name="partner" select="$partner-id"/>
            <xsl:with-param name="record-guid" select="string($h/ceb:guid)"/>
            <xsl:with-param name="index" select="count(preceding-sibling::ceb:Delivery) + 1"/>
            <xsl:with-param name="channel" select="$channel"/>
            <xsl:with-param name="received-at" select="$received-at"/>
          </xsl:call-template>
        </c:Header>
        <c:TradeDirection sourceCode="{$h/ceb:ieFlag}"><xsl:value-of select="cebc:coded($directions, $h/ceb:ieFlag)"/></c:TradeDirection>
        <c:Purpose>WAREHOUSE_ENTRY</c:Purpose>
        <xsl:for-each select="$h/ceb:copNo[string()]"><c:LocalReference><xsl:value-of select="."/></c:LocalReference></xsl:for-each>
        <xsl:for-each select="$h/ceb:preNo[string()]"><c:CustomsReference type="PRE_ENTRY_NUMBER"><xsl:value-of select="."/></c:CustomsReference></xsl:for-each>
        <xsl:for-each select="$h/ceb:rkdNo[string()]"><c:CustomsReference type="WAREHOUSE_ENTRY_NUMBER"><xsl:value-of select="."/></c:CustomsReference></xsl:for-each>
        <c:DeclarationOffice><xsl:value-of select="$h/ceb:customsCode"/></c:DeclarationOffice>
        <c:MasterDocument type="MASTER"><xsl:value-of select="$h/ceb:billNo"/></c:MasterDocument>
        <c:Transport>
          <c:Mode scheme="CN-TRANSPORT-MODE"><xsl:value-of select="$h/ceb:trafMode"/></c:Mode>
          <c:ConveyanceName><xsl:value-of select="$h/ceb:trafNo"/></c:ConveyanceName>
          <c:ConveyanceReference><xsl:value-of select="$h/ceb:voyageNo"/></c:ConveyanceReference>
        </c:Transport>
        <c:Party role="WAREHOUSE_KEEPER">
          <c:Name><xsl:value-of select="$h/ceb:operatorName"/></c:Name>
          <c:Identifier scheme="CN-CUSTOMS"><xsl:value-of select="$h/ceb:operatorCode"/></c:Identifier>
          <c:TypeOfPerson>LEGAL</c:TypeOfPerson>
        </c:Party>
        <c:Party role="LOGISTICS_OPERATOR">
          <c:Name><xsl:value-of select="$h/ceb:logisticsName"/></c:Name>
          <c:Identifier scheme="CN-CUSTOMS"><xsl:value-of select="$h/ceb:logisticsCode"/></c:Identifier>
          <c:TypeOfPerson>LEGAL</c:TypeOfPerson>
        </c:Party>
        <xsl:for-each select="$h/ceb:unloadLocation[string()]"><c:StorageLocation><xsl:value-of select="."/></c:StorageLocation></xsl:for-each>
        <xsl:apply-templates select="ceb:DeliveryList"/>
        <xsl:for-each select="$h/ceb:note[string()]"><c:Note><xsl:value-of select="."/></c:Note></xsl:for-each>
      </c:ConsignmentList>
    </xsl:document>
  </xsl:template>

  <xsl:template match="ceb:DeliveryList">
    <c:HouseConsignment>
      <c:Sequence><xsl:value-of select="normalize-space(ceb:gnum)"/></c:Sequence>
      <c:TransportDocument type="HOUSE"><xsl:value-of select="ceb:logisticsNo"/></c:TransportDocument>
      <xsl:for-each select="ceb:note[string()]"><c:Note><xsl:value-of select="."/></c:Note></xsl:for-each>
    </c:HouseConsignment>
  </xsl:template>
</xsl:stylesheet>
