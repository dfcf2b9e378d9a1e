<?xml version="1.0" encoding="UTF-8"?>
<!--
  CEB607 (China export master/sub waybill list, 清单总分单) to one canonical ConsignmentList
  document (purpose MASTER_SUB_LIST, direction EXPORT) per ceb:WayBill. The input has been
  validated against xsd/ceb/ceb607.xsd; the output is validated against the canonical schema.
  Strings are copied as they are (whitespace included); empty optional elements carry no value and
  are left out. The signature is not read.

  The declaring enterprise is the DECLARANT, the carrier the LOGISTICS_OPERATOR; trafMode, trafName
  and voyageNo the Transport, domesticTrafNo the InlandTransport's ConveyanceName, msgCount and
  msgSeqNo the Part; each parcel a HouseConsignment with its pallet (PackageReference) and the
  export inventory it was declared under (Reference INVENTORY_NUMBER). The export schema lets the
  list's number (copNo, the record key), its bill (the master document every list has) and a
  parcel's waybill number be empty: they are refused.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:ceb="http://www.chinaport.gov.cn/ceb"
    xmlns:c="urn:wco-ecom-adapter:canonical:1"
    xmlns:cebc="urn:wco-ecom-adapter:ceb-common"
    xmlns:adapter="urn:wco-ecom-adapter:engine"
    xmlns:err="urn:wco-ecom-adapter:errors"
    exclude-result-prefixes="#all">

  <xsl:include href="../ceb-common/ceb-common.xsl"/>
  <xsl:include href="../ceb-common/ceb-movement.xsl"/>
  <xsl:include href="../common/adapter.xsl"/>

  <xsl:param name="partner" as="xs:string?"/>
  <xsl:param name="channel" as="xs:string?"/>
  <xsl:param name="received-at" as="xs:dateTime?"/>

  <xsl:variable name="partner-id" select="($partner[.], normalize-space(/ceb:CEB607Message/ceb:BaseTransfer/ceb:copCode))[1]"/>

  <xsl:template match="/">
    <xsl:apply-templates select="ceb:CEB607Message/ceb:WayBill"/>
  </xsl:template>

  <xsl:template match="ceb:WayBill">
    <xsl:variable name="h" select="ceb:WayBillHead"/>
    <xsl:variable name="cop-no" select="cebc:required($h/ceb:copNo, 'the list''s own number is its key')"/>
    <xsl:variable name="bill" select="cebc:required($h/ceb:billNo, 'a master/sub list is the parcels under one bill')"/>
    <xsl:document>
      <c:ConsignmentList>
        <c:Header>
          <c:RecordId><xsl:value-of select="$partner-id || ':' || adapter:record-key(.)"/></c:RecordId>
          <c:Function sourceCode="{$h/ceb:appType}"><xsl:value-of select="cebc:coded($cebc:functions, $h/ceb:appType)"/></c:Function>
          <c:FilingStatus sourceCode="{$h/ceb:appStatus}"><xsl:value-of select="cebc:coded($cebc:filing, $h/ceb:appStatus)"/></c:FilingStatus>
          <c:IssueDateTime><xsl:value-of select="cebc:date-time($h/ceb:appTime)"/></c:IssueDateTime>
          <xsl:call-template name="cebc:source">
            <xsl:with-param name="format" select="'ceb607'"/>
            <xsl:with-param name="partner" select="$partner-id"/>
            <xsl:with-param name="record-guid" select="string($h/ceb:guid)"/>
            <xsl:with-param name="index" select="count(preceding-sibling::ceb:WayBill) + 1"/>
            <xsl:with-param name="channel" select="$channel"/>
            <xsl:with-param name="received-at" select="$received-at"/>
          </xsl:call-template>
        </c:Header>
        <c:TradeDirection>EXPORT</c:TradeDirection>
        <c:Purpose>MASTER_SUB_LIST</c:Purpose>
        <c:LocalReference><xsl:value-of select="$cop-no"/></c:LocalReference>
        <xsl:for-each select="$h/ceb:preNo[string()]"><c:CustomsReference type="PRE_ENTRY_NUMBER"><xsl:value-of select="."/></c:CustomsReference></xsl:for-each>
        <c:DeclarationOffice><xsl:value-of select="$h/ceb:customsCode"/></c:DeclarationOffice>
        <xsl:for-each select="$h/ceb:loctNo[string()]"><c:GoodsLocation><xsl:value-of select="."/></c:GoodsLocation></xsl:for-each>
        <c:MasterDocument type="MASTER"><xsl:value-of select="$bill"/></c:MasterDocument>
        <c:Transport>
          <c:Mode scheme="CN-TRANSPORT-MODE"><xsl:value-of select="cebc:code-value($h/ceb:trafMode)"/></c:Mode>
          <xsl:for-each select="$h/ceb:trafName[string()]"><c:ConveyanceName><xsl:value-of select="."/></c:ConveyanceName></xsl:for-each>
          <xsl:for-each select="$h/ceb:voyageNo[string()]"><c:ConveyanceReference><xsl:value-of select="."/></c:ConveyanceReference></xsl:for-each>
        </c:Transport>
        <xsl:for-each select="$h/ceb:domesticTrafNo[string()]">
          <c:InlandTransport><c:ConveyanceName><xsl:value-of select="."/></c:ConveyanceName></c:InlandTransport>
        </xsl:for-each>
        <xsl:sequence select="cebc:enterprise('DECLARANT', $h/ceb:agentCode, $h/ceb:agentName)"/>
        <xsl:sequence select="cebc:enterprise('LOGISTICS_OPERATOR', $h/ceb:logisticsCode, $h/ceb:logisticsName)"/>
        <c:GrossWeight><xsl:value-of select="normalize-space($h/ceb:grossWeight)"/></c:GrossWeight>
        <xsl:sequence select="cebc:part($h/ceb:msgSeqNo, $h/ceb:msgCount)"/>
        <xsl:for-each select="ceb:WayBillList"><xsl:sequence select="cebc:house-consignment(.)"/></xsl:for-each>
        <xsl:for-each select="$h/ceb:note[string()]"><c:Note><xsl:value-of select="."/></c:Note></xsl:for-each>
      </c:ConsignmentList>
    </xsl:document>
  </xsl:template>
</xsl:stylesheet>
