<?xml version="1.0" encoding="UTF-8"?>
<!--
  CEB311 (China import e-order) to canonical Order documents, one per ceb:Order.
  The input has been validated against xsd/ceb/ceb311.xsd; the output is validated against the
  canonical schema. Strings are copied as they are (whitespace included); numbers keep their
  lexical form; codes are normalised through mappings/codelists.
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

  <xsl:variable name="partner-id" select="($partner[.], normalize-space(/ceb:CEB311Message/ceb:BaseTransfer/ceb:copCode))[1]"/>

  <xsl:template match="/">
    <xsl:apply-templates select="ceb:CEB311Message/ceb:Order"/>
  </xsl:template>

  <xsl:template match="ceb:Order">
    <xsl:variable name="h" select="ceb:OrderHead"/>
    <xsl:document>
      <c:Order>
        <c:Header>
          <c:RecordId><xsl:value-of select="$partner-id || ':' || adapter:record-key(.)"/></c:RecordId>
          <c:Function sourceCode="{$h/ceb:appType}"><xsl:value-of select="cebc:coded($cebc:functions, $h/ceb:appType)"/></c:Function>
          <c:FilingStatus sourceCode="{$h/ceb:appStatus}"><xsl:value-of select="cebc:coded($cebc:filing, $h/ceb:appStatus)"/></c:FilingStatus>
          <c:IssueDateTime><xsl:value-of select="cebc:date-time($h/ceb:appTime)"/></c:IssueDateTime>
          <xsl:call-template name="cebc:source">
            <xsl:with-param name="format" select="'ceb311'"/>
            <xsl:with-param name="partner" select="$partner-id"/>
            <xsl:with-param name="record-guid" select="string($h/ceb:guid)"/>
            <xsl:with-param name="index" select="count(preceding-sibling::ceb:Order) + 1"/>
            <xsl:with-param name="channel" select="$channel"/>
            <xsl:with-param name="received-at" select="$received-at"/>
          </xsl:call-template>
        </c:Header>
        <c:OrderNumber><xsl:value-of select="$h/ceb:orderNo"/></c:OrderNumber>
        <c:TradeDirection sourceCode="{$h/ceb:orderType}">
          <xsl:value-of select="if ($h/ceb:orderType = 'I') then 'IMPORT'
              else error(xs:QName('err:VALUE_INVALID'), 'orderType &quot;' || $h/ceb:orderType || '&quot; must be I in an import order', $h/ceb:orderType)"/>
        </c:TradeDirection>
        <c:Party role="PLATFORM">
          <c:Name><xsl:value-of select="$h/ceb:ebpName"/></c:Name>
          <c:Identifier scheme="CN-CUSTOMS"><xsl:value-of select="$h/ceb:ebpCode"/></c:Identifier>
          <c:TypeOfPerson>LEGAL</c:TypeOfPerson>
        </c:Party>
        <c:Party role="SELLER">
          <c:Name><xsl:value-of select="$h/ceb:ebcName"/></c:Name>
          <c:Identifier scheme="CN-CUSTOMS"><xsl:value-of select="$h/ceb:ebcCode"/></c:Identifier>
          <c:TypeOfPerson>LEGAL</c:TypeOfPerson>
        </c:Party>
        <c:Party role="BUYER">
          <c:Name><xsl:value-of select="$h/ceb:buyerName"/></c:Name>
          <c:Identifier scheme="{cebc:coded($cebc:id-schemes, $h/ceb:buyerIdType)}" sourceCode="{$h/ceb:buyerIdType}"><xsl:value-of select="$h/ceb:buyerIdNumber"/></c:Identifier>
          <c:Identifier scheme="PLATFORM-ACCOUNT"><xsl:value-of select="$h/ceb:buyerRegNo"/></c:Identifier>
          <c:TypeOfPerson>NATURAL</c:TypeOfPerson>
          <c:Communication type="TE"><xsl:value-of select="$h/ceb:buyerTelephone"/></c:Communication>
        </c:Party>
        <c:Party role="CONSIGNEE">
          <c:Name><xsl:value-of select="$h/ceb:consignee"/></c:Name>
          <c:Address>
            <c:Line><xsl:value-of select="$h/ceb:consigneeAddress"/></c:Line>
            <xsl:for-each select="$h/ceb:consigneeDistrict"><c:SubdivisionCode><xsl:value-of select="."/></c:SubdivisionCode></xsl:for-each>
          </c:Address>
          <c:Communication type="TE"><xsl:value-of select="$h/ceb:consigneeTelephone"/></c:Communication>
        </c:Party>
        <xsl:if test="string($h/ceb:payCode) or string($h/ceb:payName)">
          <c:Party role="PAYMENT_SERVICE_PROVIDER">
            <xsl:for-each select="$h/ceb:payName[string()]"><c:Name><xsl:value-of select="."/></c:Name></xsl:for-each>
            <xsl:for-each select="$h/ceb:payCode[string()]"><c:Identifier scheme="CN-CUSTOMS"><xsl:value-of select="."/></c:Identifier></xsl:for-each>
            <c:TypeOfPerson>LEGAL</c:TypeOfPerson>
          </c:Party>
        </xsl:if>
        <xsl:variable name="currency" select="cebc:currency($h/ceb:currency)"/>
        <c:GoodsValue currency="{$currency}"><xsl:value-of select="normalize-space($h/ceb:goodsValue)"/></c:GoodsValue>
        <c:Freight currency="{$currency}"><xsl:value-of select="normalize-space($h/ceb:freight)"/></c:Freight>
        <c:Discount currency="{$currency}"><xsl:value-of select="normalize-space($h/ceb:discount)"/></c:Discount>
        <c:TaxCollected currency="{$currency}"><xsl:value-of select="normalize-space($h/ceb:taxTotal)"/></c:TaxCollected>
        <c:AmountPaid currency="{$currency}"><xsl:value-of select="normalize-space($h/ceb:acturalPaid)"/></c:AmountPaid>
        <xsl:for-each select="$h/ceb:payTransactionId[string()]"><c:PaymentTransactionId><xsl:value-of select="."/></c:PaymentTransactionId></xsl:for-each>
        <xsl:for-each select="$h/ceb:batchNumbers[string()]"><c:BatchNumbers><xsl:value-of select="."/></c:BatchNumbers></xsl:for-each>
        <xsl:for-each select="$h/ceb:note[string()]"><c:Note><xsl:value-of select="."/></c:Note></xsl:for-each>
        <xsl:apply-templates select="ceb:OrderList"/>
      </c:Order>
    </xsl:document>
  </xsl:template>

  <xsl:template match="ceb:OrderList">
    <xsl:variable name="currency" select="cebc:currency(ceb:currency)"/>
    <c:Line>
      <c:LineNumber><xsl:value-of select="normalize-space(ceb:gnum)"/></c:LineNumber>
      <xsl:for-each select="ceb:itemNo[string()]"><c:Sku><xsl:value-of select="."/></c:Sku></xsl:for-each>
      <c:Title><xsl:value-of select="ceb:itemName"/></c:Title>
      <c:Model><xsl:value-of select="ceb:gmodel"/></c:Model>
      <xsl:for-each select="ceb:itemDescribe[string()]"><c:Description><xsl:value-of select="."/></c:Description></xsl:for-each>
      <xsl:for-each select="ceb:barCode[string()]"><c:Barcode><xsl:value-of select="."/></c:Barcode></xsl:for-each>
      <c:Quantity unitCode="{cl:unece-unit(ceb:unit, ceb:unit)}" sourceUnitCode="{ceb:unit}"><xsl:value-of select="normalize-space(ceb:qty)"/></c:Quantity>
      <c:UnitPrice currency="{$currency}"><xsl:value-of select="normalize-space(ceb:price)"/></c:UnitPrice>
      <c:LineAmount currency="{$currency}"><xsl:value-of select="normalize-space(ceb:totalPrice)"/></c:LineAmount>
      <c:OriginCountry><xsl:value-of select="cl:iso-country(ceb:country, ceb:country)"/></c:OriginCountry>
      <xsl:for-each select="ceb:note[string()]"><c:Note><xsl:value-of select="."/></c:Note></xsl:for-each>
    </c:Line>
  </xsl:template>
</xsl:stylesheet>
